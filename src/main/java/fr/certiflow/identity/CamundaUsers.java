package fr.certiflow.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Camunda's identity service as Spring Security's user store: HTTP Basic credentials are checked with
 * {@link IdentityService#checkPassword}, and a user's authorities are the ids of their Camunda groups, read afresh on
 * every request (a user removed from a group or deleted loses access at once).
 */
final class CamundaUsers implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication credentials) {
        String user = credentials.getName();
        Object password = credentials.getCredentials();
        if (user == null || user.isEmpty() || !(password instanceof String text) || !identity.checkPassword(user, text)) {
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The user with their groups as authorities, if Camunda still knows them. */
    Optional<Authentication> existing(String user) {
        if (identity.createUserQuery().userId(user).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(user, null, authoritiesOf(user)));
    }

    private List<GrantedAuthority> authoritiesOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }
}
