package fr.certiflow.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** How a refused form submission reaches the user (its French message alone) and the log (one line). */
@Configuration(proxyBeanMethods = false)
class Refusals {

    @Bean
    FilterRegistrationBean<RefusalResponses> refusalResponses(ObjectMapper json) {
        FilterRegistrationBean<RefusalResponses> registration = new FilterRegistrationBean<>(new RefusalResponses(json));
        registration.setName("certiflow-refusal-responses");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    RefusalLogging refusalLogging() {
        return new RefusalLogging();
    }
}
