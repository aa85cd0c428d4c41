package fr.certiflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Certiflow: assessment campaigns of competence-based certifications, run by Camunda 7 processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CertiflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CertiflowApplication.class, args);
    }
}
