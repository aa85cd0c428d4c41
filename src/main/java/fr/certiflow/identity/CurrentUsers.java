package fr.certiflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Identifies the caller of Certiflow's API: the user logged into the Camunda webapps (a juror following a link from
 * a Tasklist form), or HTTP Basic credentials checked against Camunda's identity service.
 */
@Service
public class CurrentUsers {

    private final IdentityService identity;
    private final String engineName;

    CurrentUsers(IdentityService identity, ProcessEngine engine) {
        this.identity = identity;
        this.engineName = engine.getName();
    }

    public Optional<CurrentUser> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null && authentications.getAuthenticationForProcessEngine(engineName)
                    instanceof UserAuthentication user) {
                return Optional.of(new CurrentUser(user.getName(), Set.copyOf(user.getGroupIds())));
            }
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String user = decoded.substring(0, colon);
                if (identity.checkPassword(user, decoded.substring(colon + 1))) {
                    return Optional.of(new CurrentUser(user, groupsOf(user)));
                }
            }
        }
        return Optional.empty();
    }

    /** The caller, or 401 when nobody is authenticated. */
    public CurrentUser require(HttpServletRequest request) {
        return of(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "Authentification requise."));
    }

    /** The caller when in one of the groups (administrators always are), else 401 or 403. */
    public CurrentUser requireAny(HttpServletRequest request, String... groups) {
        CurrentUser user = require(request);
        if (user.isAdministrator() || java.util.Arrays.stream(groups).anyMatch(user::isIn)) {
            return user;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Votre rôle ne permet pas cette action.");
    }

    public Set<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
