package fr.certiflow.identity;

import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.Variables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, created at start when missing (by name) and readable by their groups only:
 * a juror's evaluations, a president's harmonisations and deliberations, a coordinator's checks and orals.
 */
@Component
@DependsOn("identityBootstrap")
class TasklistFilters implements InitializingBean {

    record Definition(String name, String description, int priority, List<String> activities, boolean ownTasks,
            List<String> groups) {
    }

    static final List<Definition> FILTERS = List.of(
            new Definition("Mes évaluations", "Les productions que vous évaluez", -10, List.of(ActivityIds.EVALUATE_PRODUCTION, ActivityIds.EVALUATE_GROUP),
                    true, List.of(Groups.JURORS)),
            new Definition("Harmonisations", "Évaluations divergentes à harmoniser", -9, List.of(ActivityIds.HARMONISE),
                    false, List.of(Groups.JURY_PRESIDENTS)),
            new Definition("Délibérations", "Blocs et certifications à délibérer", -8,
                    List.of(ActivityIds.DELIBERATE_BLOC, ActivityIds.CERTIFICATION_JURY), false, List.of(Groups.JURY_PRESIDENTS)),
            new Definition("Dossiers à vérifier", "Recevabilité des productions remises et désignations de jury", -7,
                    List.of(ActivityIds.CHECK_ADMISSIBILITY, ActivityIds.ASSIGN_JURY_MANUALLY, ActivityIds.PREPARE_COHORT), false,
                    List.of(Groups.COORDINATORS)),
            new Definition("Soutenances à planifier", "Soutenances orales à planifier", -6, List.of(ActivityIds.SCHEDULE_ORAL),
                    false, List.of(Groups.COORDINATORS)));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void afterPropertiesSet() {
        for (Definition definition : FILTERS) {
            Filter filter = filters.createFilterQuery().filterName(definition.name()).singleResult();
            if (filter == null) {
                TaskQuery query = tasks.createTaskQuery().taskDefinitionKeyIn(definition.activities().toArray(String[]::new));
                if (definition.ownTasks()) {
                    query.taskAssigneeExpression("${currentUser()}");
                } else {
                    query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
                }
                filter = filters.newTaskFilter(definition.name()).setQuery(query).setProperties(Map.of(
                        "description", definition.description(), "priority", definition.priority(), "refresh", true,
                        "variables", List.of(
                                Map.of("name", Variables.CANDIDATE_LABEL, "label", "Candidat"),
                                Map.of("name", Variables.COMPONENT_CODE, "label", "Composante"),
                                Map.of("name", Variables.BLOC_CODE, "label", "Bloc"))));
                filters.saveFilter(filter);
            }
            for (String group : definition.groups()) {
                if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                        .groupIdIn(group).count() == 0) {
                    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    read.setGroupId(group);
                    read.setResource(Resources.FILTER);
                    read.setResourceId(filter.getId());
                    read.addPermission(Permissions.READ);
                    authorizations.saveAuthorization(read);
                }
            }
        }
    }
}
