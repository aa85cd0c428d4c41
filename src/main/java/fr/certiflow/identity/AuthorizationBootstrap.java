package fr.certiflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.certiflow.process.ProcessKeys;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations of Certiflow's roles, granted at every start and idempotently (a grant already there is
 * left as it is). Task permissions come from the engine itself: an assignee or a candidate group gets READ and UPDATE
 * on that task only, so a juror sees and completes their own evaluations and nothing else.
 * <ul>
 * <li>coordinators: Tasklist; start campaigns (CampaignProcess); read process definitions and forms;</li>
 * <li>jurors and jury presidents: Tasklist; read process definitions and forms;</li>
 * <li>managers: Cockpit; read every definition, instance, task and history, change nothing.</li>
 * </ul>
 */
@Component
@DependsOn("identityBootstrap")
class AuthorizationBootstrap implements InitializingBean {

    record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
    }

    static final List<Grant> GRANTS = List.of(
            new Grant(Groups.COORDINATORS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(Groups.JURORS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(Groups.JURY_PRESIDENTS, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, ProcessKeys.CAMPAIGN,
                    List.of(Permissions.READ, Permissions.CREATE_INSTANCE)),
            new Grant(Groups.COORDINATORS, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.CREATE)),
            new Grant(Groups.JURORS, Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(Groups.JURY_PRESIDENTS, Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(Groups.COORDINATORS, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
            new Grant(Groups.JURORS, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
            new Grant(Groups.JURY_PRESIDENTS, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
            new Grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
            new Grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK)),
            new Grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
            new Grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
            new Grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.READ)),
            new Grant(Groups.MANAGERS, Resources.TASK, ANY, List.of(Permissions.READ)));

    private final AuthorizationService authorizations;

    AuthorizationBootstrap(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void afterPropertiesSet() {
        for (Grant grant : GRANTS) {
            grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions());
        }
    }

    /** Adds the permissions to the group's grant on the resource, creating the grant when there is none. */
    void grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
