package fr.certiflow.identity;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Certiflow's API ({@code /api/**}) behind one Spring Security filter chain; the Camunda webapps ({@code /camunda/**})
 * and the engine's REST API ({@code /engine-rest/**}) keep Camunda's own filters; the console has its own chain
 * ({@link ConsoleSecurity}), and no other exists (so
 * Spring Boot's default chain and its generated user back off).
 *
 * <ul>
 *   <li>Who: HTTP Basic checked against Camunda's identity service, or the existing session of the Camunda webapps;
 *   the API never creates a session. Authorities are the user's Camunda groups.</li>
 *   <li>Forged requests: a state-changing request authenticated by the session must carry the session's Camunda CSRF
 *   token in {@code X-XSRF-TOKEN}; any state-changing request a browser marks as coming from another origin is
 *   refused, whatever its authentication.</li>
 *   <li>What: {@link #RULES}, every endpoint with the groups allowed to call it; administrators may call all of them.
 *   A listed address called with another method reaches Spring MVC, which answers 405; anything else is denied.
 *   Checks that depend on the data (a juror reads only the productions and grids assigned to them) stay in the
 *   controllers, which ask {@link CurrentUsers} who is calling.</li>
 *   <li>Every response, refusals included, carries the security headers of {@link #headerWriters}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String API = "/api/**";

    /** Groups that may call every endpoint. */
    static final List<String> ADMINISTRATORS = List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN);

    private static final String[] READERS = {Groups.COORDINATORS, Groups.MANAGERS, Groups.JURY_PRESIDENTS};
    private static final String[] ANY_USER = {};

    /** An endpoint and the groups that may call it (besides the administrators); none listed: any authenticated user. */
    record Rule(HttpMethod method, String path, List<String> groups) {
    }

    static final List<Rule> RULES = List.of(
            // The OpenAPI description of this API (fr.certiflow.web.ApiContract).
            rule(GET, "/api/openapi", ANY_USER),
            rule(GET, "/api/openapi.yaml", ANY_USER),
            rule(GET, "/api/referentials", ANY_USER),
            rule(GET, "/api/referentials/{code}", ANY_USER),
            rule(GET, "/api/referentials/{code}/versions/{version}", ANY_USER),
            rule(GET, "/api/campaigns/templates/cohort.xlsx", ANY_USER),
            rule(GET, "/api/campaigns/templates/jurors.xlsx", ANY_USER),
            rule(GET, "/api/campaigns", READERS),
            rule(POST, "/api/campaigns", Groups.COORDINATORS),
            rule(GET, "/api/campaigns/{id}", READERS),
            rule(POST, "/api/campaigns/{id}/cohort", Groups.COORDINATORS),
            rule(POST, "/api/campaigns/{id}/jurors", Groups.COORDINATORS),
            rule(POST, "/api/campaigns/{id}/launch", Groups.COORDINATORS),
            rule(GET, "/api/campaigns/{id}/progress", READERS),
            rule(GET, "/api/campaigns/{id}/productions", READERS),
            rule(GET, "/api/campaigns/{id}/progress.xlsx", READERS),
            rule(GET, "/api/campaigns/{id}/minutes", READERS),
            rule(POST, "/api/productions/{id}/files", Groups.COORDINATORS),
            // Jurors read only the productions they are assigned to: checked by ProductionController.
            rule(GET, "/api/productions/{id}/files", Groups.COORDINATORS, Groups.JURY_PRESIDENTS, Groups.JURORS),
            rule(GET, "/api/productions/{id}/files/{fileId}", Groups.COORDINATORS, Groups.JURY_PRESIDENTS, Groups.JURORS),
            rule(GET, "/api/productions/{id}/consolidated.xlsx", READERS),
            // A juror's own grid only: checked by GridController.
            rule(GET, "/api/grids/{id}", Groups.COORDINATORS, Groups.JURORS),
            rule(POST, "/api/grids/{id}/evaluation", Groups.JURORS),
            // The outbox: failed messages and candidates without an address; a failed message sent again.
            rule(GET, "/api/notifications", Groups.COORDINATORS, Groups.MANAGERS),
            rule(POST, "/api/notifications/{id}/resend", Groups.COORDINATORS));

    private static Rule rule(HttpMethod method, String path, String... groups) {
        return new Rule(method, path, List.of(groups));
    }

    @Bean
    CamundaUsers camundaUsers(IdentityService identity) {
        return new CamundaUsers(identity);
    }

    @Bean
    ApiProblems apiProblems(ObjectMapper json,
            @Value("${camunda.bpm.webapp.header-security.hsts-disabled:true}") boolean hstsDisabled) {
        return new ApiProblems(json, headerWriters(hstsDisabled));
    }

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http, CamundaUsers users, ApiProblems problems, ProcessEngine engine)
            throws Exception {
        WebappSessions sessions = new WebappSessions(engine.getName());
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            // The challenge lets HTTP clients that answer one (curl --anyauth, Java's Authenticator) send Basic
            // credentials; a browser that then caches them is covered by the origin check on state-changing requests.
            response.setHeader("WWW-Authenticate", "Basic realm=\"Certiflow\", charset=\"UTF-8\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentification requise",
                    "Authentification requise.");
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            if (e instanceof CsrfException) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "Demande refusée", "Demande refusée : "
                        + "jeton CSRF absent ou invalide (en-tête " + WebappSessions.CSRF_HEADER + " de la session Camunda).");
            } else {
                problems.write(request, response, HttpStatus.FORBIDDEN, "Accès refusé", "Votre rôle ne permet pas cette action.");
            }
        };
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(API))
                .authenticationManager(new ProviderManager(users))
                // Stateless, and the webapps' session is left as it is: no id change on authentication.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(new WebappCsrfTokens())
                        .csrfTokenRequestHandler(new WebappCsrfTokens.HeaderOnly())
                        .requireCsrfProtectionMatcher(request -> !CrossOriginWriteFilter.isSafe(request.getMethod())
                                && sessions.user(request).isPresent()))
                .addFilterBefore(new CrossOriginWriteFilter(problems), CsrfFilter.class)
                .addFilterAfter(new WebappSessionAuthenticationFilter(sessions, users), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .headers(headers -> {
                    headers.defaultsDisabled();
                    problems.headers().forEach(headers::addHeaderWriter);
                })
                .authorizeHttpRequests(ApiSecurity::authorize);
        return http.build();
    }

    private static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> listed = new ArrayList<>();
        for (Rule rule : RULES) {
            // HEAD runs the GET handler: it gets the GET rule.
            Stream<HttpMethod> methods = rule.method() == GET ? Stream.of(GET, HEAD) : Stream.of(rule.method());
            RequestMatcher[] matchers = methods.map(method -> paths.matcher(method, rule.path())).toArray(RequestMatcher[]::new);
            var endpoint = requests.requestMatchers(matchers);
            if (rule.groups().isEmpty()) {
                endpoint.authenticated();
            } else {
                endpoint.hasAnyAuthority(Stream.concat(rule.groups().stream(), ADMINISTRATORS.stream()).toArray(String[]::new));
            }
            listed.add(paths.matcher(rule.path()));
        }
        // A listed address with a method it does not take: Spring MVC answers 405 without running any handler.
        requests.requestMatchers(new OrRequestMatcher(listed)).authenticated();
        requests.anyRequest().denyAll();
    }

    /** The security headers of every API response. HSTS follows the webapps' setting (CERTIFLOW_HSTS_DISABLED). */
    static List<HeaderWriter> headerWriters(boolean hstsDisabled) {
        List<HeaderWriter> writers = new ArrayList<>(List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter("default-src 'none'; frame-ancestors 'none'"),
                new CacheControlHeadersWriter(),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)));
        if (!hstsDisabled) {
            // As Camunda's webapps do: on every response, TLS being terminated in front of Certiflow or not.
            HstsHeaderWriter hsts = new HstsHeaderWriter(false);
            hsts.setRequestMatcher(AnyRequestMatcher.INSTANCE);
            writers.add(hsts);
        }
        return writers;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiProblems problems) {
        // The firewall guards every request through Spring Security's filter, the webapps' included; only the API's
        // refusals get a problem body.
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "Demande invalide",
                        "Adresse refusée : elle contient des caractères ou des segments non permis.");
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }
}
