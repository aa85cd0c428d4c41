package fr.certiflow.referential;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the référentiel files are read at start.
 *
 * @param locations Spring resource locations of folders (classpath: or file:); every *.yaml / *.yml file in them is
 *     a référentiel
 */
@ConfigurationProperties("certiflow.referentials")
public record ReferentialProperties(@DefaultValue("classpath:referentials/") List<String> locations) {
}
