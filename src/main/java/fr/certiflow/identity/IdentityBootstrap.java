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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and idempotently, Certiflow's groups and its administrator; with the demo profile, one
 * user of each role. The administrator's password comes from configuration: there is no default outside the demo
 * profile, and the demo's default is refused on PostgreSQL.
 */
@Component
class IdentityBootstrap implements InitializingBean {

    static final int MIN_PASSWORD_LENGTH = 8;
    static final String DEMO_PROFILE = "demo";
    static final String POSTGRES_PROFILE = "postgres";

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

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, AdminProperties admin,
            Environment environment) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.admin = admin;
        this.demo = environment.matchesProfiles(DEMO_PROFILE);
        this.postgres = environment.matchesProfiles(POSTGRES_PROFILE);
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
        ensureUser(admin.id(), "Administrateur", "Certiflow", admin.password(), true);
        ensureMembership(admin.id(), Groups.CAMUNDA_ADMIN);
        ensureMembership(admin.id(), Groups.ADMINS);
        if (demo) {
            for (DemoUser user : DEMO_USERS) {
                ensureUser(user.id(), user.firstName(), user.lastName(), user.id(), false);
                user.groups().forEach(group -> ensureMembership(user.id(), group));
            }
            identity.setUserInfo("jure3", ENGLISH_QUALIFIED, "true");
            log.info("Demo profile: users {} created, each with its id as password",
                    DEMO_USERS.stream().map(DemoUser::id).toList());
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
     * Creates the user, or for a user whose password the configuration owns, changes the password when the
     * configured one differs: rotating the administrator's password is a restart with the new value.
     */
    private void ensureUser(String id, String firstName, String lastName, String password, boolean passwordOwned) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@certiflow.example");
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created user {}", id);
        } else if (passwordOwned && !identity.checkPassword(id, password)) {
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Changed the password of user {} to the configured one", id);
        }
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
