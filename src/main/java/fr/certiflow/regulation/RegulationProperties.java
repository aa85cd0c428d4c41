package fr.certiflow.regulation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the règlement files are read at start.
 *
 * @param locations Spring resource locations of folders (classpath: or file:); every *.yaml / *.yml file in them is
 *     a règlement
 */
@ConfigurationProperties("certiflow.regulations")
public record RegulationProperties(@DefaultValue("classpath:regulations/") List<String> locations) {
}
