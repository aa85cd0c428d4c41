package fr.certiflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator account created at start.
 *
 * @param id the Camunda user id
 * @param password from CERTIFLOW_ADMIN_PASSWORD; required, except that the demo profile has a default
 */
@ConfigurationProperties("certiflow.admin")
public record AdminProperties(@DefaultValue("admin") String id, String password) {
}
