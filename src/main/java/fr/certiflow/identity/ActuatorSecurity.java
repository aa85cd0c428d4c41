package fr.certiflow.identity;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Boot Actuator ({@code /actuator/**}) for operators. The liveness and readiness probes answer anyone with
 * their status alone (UP or DOWN, no detail), for a load balancer or an orchestrator; every other endpoint (health
 * with its details, metrics, Prometheus) needs an administrator's HTTP Basic credentials (groups {@code admins},
 * {@code camunda-admin}), checked against Camunda's identity service like the API's.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    static final String ACTUATOR = "/actuator/**";

    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, CamundaUsers users, ApiProblems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Certiflow operations\", charset=\"UTF-8\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentification requise",
                    "Authentification requise : identifiants d'un administrateur.");
        };
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher(ACTUATOR))
                .authenticationManager(new ProviderManager(users))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                // Read-only endpoints, and no session: nothing for a forged request to use.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                                "Accès refusé", "Réservé aux administrateurs.")))
                .headers(headers -> {
                    headers.defaultsDisabled();
                    problems.headers().forEach(headers::addHeaderWriter);
                })
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(GET, "/actuator/health/liveness"), paths.matcher(GET, "/actuator/health/readiness"),
                                paths.matcher(HEAD, "/actuator/health/liveness"), paths.matcher(HEAD, "/actuator/health/readiness"))
                        .permitAll()
                        .anyRequest().hasAnyAuthority(ApiSecurity.ADMINISTRATORS.toArray(String[]::new)));
        return http.build();
    }
}
