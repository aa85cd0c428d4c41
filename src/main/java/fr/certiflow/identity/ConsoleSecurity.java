package fr.certiflow.identity;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.HtmlUtils;

/**
 * The coordinator's console ({@code /certiflow/**}): server-rendered pages on the Camunda webapps' session, so that
 * one login serves both (the console's login page logs into Tasklist too, and a Tasklist login opens the console).
 * Coordinators (and administrators) may do everything the console offers; managers and jury presidents read its
 * pages; jurors and everyone else get a French 403 page. Forms carry Spring Security's CSRF token of the session; a
 * POST a browser marks as coming from another origin is refused whatever it carries.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String CONSOLE = "/certiflow/**";
    static final String LOGIN = "/certiflow/connexion";

    private static final String[] READERS = {Groups.COORDINATORS, Groups.MANAGERS, Groups.JURY_PRESIDENTS, Groups.ADMINS,
            Groups.CAMUNDA_ADMIN};
    private static final String[] WRITERS = {Groups.COORDINATORS, Groups.ADMINS, Groups.CAMUNDA_ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, CamundaUsers users, ApiProblems problems, ProcessEngine engine)
            throws Exception {
        WebappSessions sessions = new WebappSessions(engine.getName());
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        AccessDeniedHandler denied = (request, response, e) -> {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType("text/html;charset=UTF-8");
            String reason = e instanceof org.springframework.security.web.csrf.CsrfException
                    ? "Le formulaire a expiré ou ne vient pas de cette page : rechargez la page et recommencez."
                    : "Votre rôle ne permet pas d'ouvrir cette page ni d'y faire cette action. La console est réservée aux "
                            + "coordinateurs ; les responsables et présidents de jury la consultent sans rien y modifier.";
            response.getOutputStream().write(("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Accès refusé"
                    + " — Certiflow</title><link rel=\"stylesheet\" href=\"/certiflow/css/console.css\"></head><body><main>"
                    + "<h1>Accès refusé</h1><p>" + HtmlUtils.htmlEscape(reason, "UTF-8") + "</p><p><a href=\"/camunda/app/tasklist/\">"
                    + "Retour à Tasklist</a></p></main></body></html>").getBytes(StandardCharsets.UTF_8));
        };
        http.securityMatcher(paths.matcher(CONSOLE))
                .authenticationManager(new ProviderManager(users))
                // The webapps' session carries the login; Spring Security keeps nothing of its own there but the CSRF token.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                // The user is authenticated from the webapps' session on every request: the token must not be replaced
                // each time (a page's stylesheet would void its form's token); the login renews the session, and the token.
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .addFilterBefore(new CrossOriginWriteFilter(problems), CsrfFilter.class)
                .addFilterAfter(new WebappSessionAuthenticationFilter(sessions, users), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> response.sendRedirect(LOGIN))
                        .accessDeniedHandler(denied))
                .headers(headers -> headers.defaultsDisabled()
                        .addHeaderWriter(new XContentTypeOptionsHeaderWriter())
                        .addHeaderWriter(new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY))
                        .addHeaderWriter(new ContentSecurityPolicyHeaderWriter("default-src 'none'; style-src 'self'; "
                                + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .addHeaderWriter(new CacheControlHeadersWriter())
                        .addHeaderWriter(new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher(LOGIN), paths.matcher("/certiflow/css/**")).permitAll()
                        .requestMatchers(paths.matcher(POST, "/certiflow/deconnexion")).authenticated()
                        // The outbox, as its API: managers read it, coordinators send a failed mail again.
                        .requestMatchers(paths.matcher(GET, "/certiflow/courriels"), paths.matcher(HEAD, "/certiflow/courriels"))
                        .hasAnyAuthority(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS, Groups.CAMUNDA_ADMIN)
                        .requestMatchers(Stream.of(GET, HEAD).map(method -> paths.matcher(method, CONSOLE))
                                .toArray(org.springframework.security.web.util.matcher.RequestMatcher[]::new))
                        .hasAnyAuthority(READERS)
                        .requestMatchers(paths.matcher(POST, CONSOLE)).hasAnyAuthority(WRITERS)
                        .anyRequest().denyAll());
        return http.build();
    }
}
