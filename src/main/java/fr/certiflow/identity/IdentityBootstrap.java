package fr.certiflow.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and idempotently, Certiflow's groups and its administrator; with the demo profile, one
 * user of each role. The administrator's password comes from configuration: there is no default outside the demo
 * profile, and the demo's default is refused on PostgreSQL.
 *
 * <p>Every start also unlocks the administrator's account, and the accounts listed in {@code certiflow.unlock-users}
 * (CERTIFLOW_UNLOCK_USERS): the operator's way back in when failed logins (the engine's login throttle, see
 * application.yaml) have locked an account, the administrator's included.
 */
@Component
class IdentityBootstrap implements InitializingBean {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final String DEMO_PROFILE = "demo";
    static final String POSTGRES_PROFILE = "postgres";
    static final String UNLOCK_USERS = "certiflow.unlock-users";

    /** The demo users: id (also their password), first name, last name, groups. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("coordo", "Camille", "Coordinatrice", List.of(Groups.COORDINATORS)),
            new DemoUser("jure1", "Julien", "Juré", List.of(Groups.JURORS)),
            new DemoUser("jure2", "Jeanne", "Jurée", List.of(Groups.JURORS)),
            new DemoUser("jure3", "Jessica", "Jurée (anglais)", List.of(Groups.JURORS)),
            new DemoUser("president", "Paul", "Président", List.of(Groups.JURY_PRESIDENTS)),
            new DemoUser("manager", "Marie", "Responsable", List.of(Groups.MANAGERS)));

    /** Juror attribute kept in the Camunda user info until the jury pool owns it. */
    static final String ENGLISH_QUALIFIED = "englishQualified";

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final AdminProperties admin;
    private final boolean demo;
    private final boolean postgres;
    private final List<String> unlockUsers;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, AdminProperties admin,
            Environment environment) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.admin = admin;
        this.demo = environment.matchesProfiles(DEMO_PROFILE);
        this.postgres = environment.matchesProfiles(POSTGRES_PROFILE);
        this.unlockUsers = Binder.get(environment).bind(UNLOCK_USERS, Bindable.listOf(String.class))
                .orElse(List.of()).stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        checkAdminPassword();
    }

    private void checkAdminPassword() {
        String password = admin.password();
        if (password == null || password.isBlank()) {
            throw new AdminPasswordException("No administrator password is configured (certiflow.admin.password, "
                    + "environment variable CERTIFLOW_ADMIN_PASSWORD).");
        }
        if (postgres && isDemoPassword(password)) {
            throw new AdminPasswordException("The administrator password is a demo password, which the postgres "
                    + "profile refuses.");
        }
        if (!demo && password.length() < MIN_PASSWORD_LENGTH) {
            throw new AdminPasswordException("The administrator password is shorter than " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
    }

    private boolean isDemoPassword(String password) {
        return password.equals(admin.id()) || DEMO_USERS.stream().anyMatch(user -> user.id().equals(password));
    }

    @Override
    public void afterPropertiesSet() {
        ensureGroup(Groups.CAMUNDA_ADMIN, Groups.CAMUNDA_ADMIN_NAME,
                org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
        grantAll(Groups.CAMUNDA_ADMIN);
        Groups.ALL.forEach(group -> ensureGroup(group.id(), group.name(),
                org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW));
        ensureAdministrator();
        ensureMembership(admin.id(), Groups.CAMUNDA_ADMIN);
        ensureMembership(admin.id(), Groups.ADMINS);
        if (demo) {
            for (DemoUser user : DEMO_USERS) {
                ensureUser(user.id(), user.firstName(), user.lastName(), user.id());
                user.groups().forEach(group -> ensureMembership(user.id(), group));
            }
            identity.setUserInfo("jure3", ENGLISH_QUALIFIED, "true");
            log.info("Demo profile: users {} created, each with its id as password",
                    DEMO_USERS.stream().map(DemoUser::id).toList());
        }
        unlockListedUsers();
    }

    private void unlockListedUsers() {
        for (String id : unlockUsers) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                log.warn("Cannot unlock user {} named in {}: there is no such user", id, UNLOCK_USERS);
            } else if (!unlock(id, UNLOCK_USERS)) {
                log.info("User {} named in {} was not locked", id, UNLOCK_USERS);
            }
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /**
     * Creates the administrator, or unlocks their account and sets the configured password when it differs:
     * rotating the administrator's password, or getting back into a locked account, is a restart.
     */
    private void ensureAdministrator() {
        String id = admin.id();
        if (identity.createUserQuery().userId(id).count() == 0) {
            createUser(id, "Administrateur", "Certiflow", admin.password());
            return;
        }
        // Unlocked first: a locked account's password check fails without looking at the password.
        unlock(id, "administrator, at start");
        if (!identity.checkPassword(id, admin.password())) {
            // Read again: the failed check counted an attempt, which changed the user's revision.
            User user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword(admin.password());
            identity.saveUser(user);
            identity.unlockUser(id);
            log.info("Changed the password of user {} to the configured one", id);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            createUser(id, firstName, lastName, password);
        }
    }

    private void createUser(String id, String firstName, String lastName, String password) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@certiflow.example");
        user.setPassword(password);
        identity.saveUser(user);
        log.info("Created user {}", id);
    }

    /**
     * Clears the account's failed logins and lock, and logs it when there were any.
     *
     * @return whether the account had failed logins or a lock
     */
    private boolean unlock(String id, String why) {
        // The lock is not part of the engine's public User; its own identity provider's entity carries it.
        if (identity.createUserQuery().userId(id).singleResult() instanceof UserEntity user
                && (user.getAttempts() > 0 || user.getLockExpirationTime() != null)) {
            identity.unlockUser(id);
            log.info("Unlocked user {} ({}): {} failed login attempt(s) since the last successful one, locked until {}",
                    id, why, user.getAttempts(), user.getLockExpirationTime() == null ? "-"
                            : user.getLockExpirationTime().toInstant());
            return true;
        }
        return false;
    }

    private void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void grantAll(String groupId) {
        for (Resource resource : Resources.values()) {
            boolean granted = authorizations.createAuthorizationQuery()
                    .groupIdIn(groupId)
                    .resourceType(resource)
                    .resourceId(Authorization.ANY)
                    .count() > 0;
            if (!granted) {
                Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(groupId);
                authorization.setResource(resource);
                authorization.setResourceId(Authorization.ANY);
                authorization.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }
}
