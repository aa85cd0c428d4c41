package fr.certiflow.grid;

import fr.certiflow.evaluation.EvaluationForms;
import fr.certiflow.evaluation.EvaluationInput;
import fr.certiflow.evaluation.EvaluationTaskListener;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import fr.certiflow.evaluation.GroupEvaluationForms;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.referential.model.Criterion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * A juror's evaluation handed in as the filled Excel grid: checked (the right grid, untouched structure, every
 * rating, a comment for every Non acquis), then submitted to the juror's evaluation task exactly as the Tasklist form
 * would, so that both paths record the same evaluation. A refused grid changes nothing.
 */
@Service
public class GridEvaluationService {

    private final GridRepository grids;
    private final ProductionContexts contexts;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final GroupSittingRepository sittings;
    private final RuntimeService runtime;
    private final long maxBytes;

    GridEvaluationService(GridRepository grids, ProductionContexts contexts, TaskService tasks, FormService forms,
            IdentityService identity, GroupSittingRepository sittings, RuntimeService runtime,
            @Value("${certiflow.grids.max-upload-size:5MB}") DataSize maxUpload) {
        this.runtime = runtime;
        this.grids = grids;
        this.contexts = contexts;
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.sittings = sittings;
        this.maxBytes = maxUpload.toBytes();
    }

    @Transactional
    public void submit(Grid grid, String filename, byte[] content) {
        GridReader reader = GridReader.open(filename, content, maxBytes);
        GridWorkbook.Identification found = reader.identification();
        ProductionContexts.Context context = contexts.of(grid.getProductionId());
        Task task = tasks.createTaskQuery().taskDefinitionKey("Task_EvaluateProduction").taskAssignee(grid.getJurorUserId())
                .processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                .processInstanceBusinessKey(context.production().getProcessKey()).singleResult();
        if (task == null) {
            task = vaeSittingTask(grid, context);
        }
        GroupSection section = null;
        if (task == null) {
            section = groupSection(grid, context);
            if (section == null) {
                throw new GridRefusedException(HttpStatus.CONFLICT, "Aucune évaluation de cette production n'attend le juré "
                        + grid.getJurorUserId() + " : elle est déjà faite ou pas encore ouverte.");
            }
            task = section.task();
        }
        if (found.productionId() != grid.getProductionId()) {
            throw new GridRefusedException(HttpStatus.BAD_REQUEST, "Cette grille est celle d'un autre candidat (production n° "
                    + found.productionId() + ") : déposez la grille téléchargée pour cette production.");
        }
        if (!found.juror().equals(grid.getJurorUserId())) {
            throw new GridRefusedException(HttpStatus.BAD_REQUEST, "Cette grille est celle d'un autre juré (" + found.juror() + ").");
        }
        if (!found.referentialCode().equals(context.referential().code())
                || found.referentialVersion() != context.referential().version()
                || !found.componentCode().equals(context.component().code())) {
            throw new GridRefusedException(HttpStatus.BAD_REQUEST, "Cette grille a été établie pour une autre version du "
                    + "référentiel (" + found.referentialCode() + " version " + found.referentialVersion() + ", "
                    + found.componentCode() + ").");
        }
        if (!found.token().equals(grid.getToken())) {
            throw new GridRefusedException(HttpStatus.BAD_REQUEST, "Cette grille n'est pas la dernière émise pour vous : "
                    + "téléchargez-la de nouveau.");
        }
        if (!reader.structureIntact(context.component())) {
            throw new GridRefusedException(HttpStatus.BAD_REQUEST, "La structure de la grille a été modifiée (cellules "
                    + "verrouillées, lignes ou textes) : seules les cellules jaunes se remplissent.");
        }
        EvaluationInput input = reader.answers(context.component(), context.scale());
        Map<String, Object> values = values(context, input);
        if (section != null) {
            fillSection(section, values);
            return;
        }
        tasks.setVariableLocal(task.getId(), EvaluationTaskListener.CHANNEL, "GRID");
        complete(grid.getJurorUserId(), task, values);
    }

    /**
     * The member's section of the juror's group evaluation task: the grid fills it (a draft, shown pre-filled in the
     * group form), and once every member's section has come from a grid, the task is completed as the form would.
     * A member the juror must record absent has no grid to hand in: the group form records it.
     */
    private void fillSection(GroupSection section, Map<String, Object> values) {
        Map<String, Object> prefixed = new HashMap<>();
        values.forEach((key, value) -> prefixed.put(GroupEvaluationForms.memberKey(section.member(), key), value));
        prefixed.put(gridFilledKey(section.member()), true);
        tasks.setVariablesLocal(section.task().getId(), prefixed);
        for (int member = 1; member <= section.memberCount(); member++) {
            if (!Boolean.TRUE.equals(tasks.getVariableLocal(section.task().getId(), gridFilledKey(member)))) {
                return;
            }
        }
        complete(section.task().getAssignee(), section.task(), Map.of());
    }

    /** Marks a group member's section as filled from the juror's grid. */
    public static String gridFilledKey(int member) {
        return "M" + member + "_grid";
    }

    /**
     * At a VAE candidate's sitting on a bloc, each composante is evaluated in its own task per juror (inside « Évaluer
     * chaque composante du bloc (VAE) », key {@code Task_EvaluateProduction}): the juror's open task for the grid's
     * composante, found by the sub-process's element variable, or null. Completed as the form would, its checks apply.
     */
    private Task vaeSittingTask(Grid grid, ProductionContexts.Context context) {
        String[] keys = sittings.findBySubmissionIdIn(List.of(context.production().getSubmissionId())).stream()
                .map(GroupSitting::getBusinessKey).filter(ProcessKeys::isVaeSitting).toArray(String[]::new);
        if (keys.length == 0) {
            return null;
        }
        return tasks.createTaskQuery().taskDefinitionKey("Task_EvaluateProduction").taskAssignee(grid.getJurorUserId())
                .processDefinitionKey(ProcessKeys.GROUP_ASSESSMENT).processInstanceBusinessKeyIn(keys).list().stream()
                .filter(task -> runtime.getVariable(task.getExecutionId(), Variables.MEMBER_PRODUCTION_ID)
                        instanceof Number member && member.longValue() == grid.getProductionId())
                .findFirst().orElse(null);
    }

    /** The juror's open group evaluation task where the grid's production is a member, and the member's rank. */
    private GroupSection groupSection(Grid grid, ProductionContexts.Context context) {
        List<GroupSitting> found = sittings.findBySubmissionIdIn(List.of(context.production().getSubmissionId()));
        if (found.isEmpty()) {
            return null;
        }
        Task task = tasks.createTaskQuery().taskDefinitionKey("Task_EvaluateGroup").taskAssignee(grid.getJurorUserId())
                .processDefinitionKey(ProcessKeys.GROUP_ASSESSMENT)
                .processInstanceBusinessKeyIn(found.stream().map(GroupSitting::getBusinessKey).toArray(String[]::new))
                .singleResult();
        if (task == null) {
            return null;
        }
        GroupSitting sitting = found.stream().filter(s -> task.getProcessInstanceId().equals(s.getProcessInstanceId()))
                .findFirst().orElse(found.get(found.size() - 1));
        if (sitting.absentProductionIds().contains(grid.getProductionId())) {
            throw new GridRefusedException(HttpStatus.CONFLICT, "Ce membre du groupe a été déclaré absent à la soutenance par "
                    + "un autre juré de la séance : sa grille ne s'applique pas. Cochez « absent(e) à la soutenance » pour ce "
                    + "membre dans le formulaire d'évaluation du groupe.");
        }
        List<Production> members = contexts.members(sitting);
        int rank = 0;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getId().equals(grid.getProductionId())) {
                rank = i + 1;
            }
        }
        return rank == 0 ? null : new GroupSection(task, rank, members.size());
    }

    private record GroupSection(Task task, int member, int memberCount) {
    }

    private void complete(String juror, Task task, Map<String, Object> values) {
        identity.setAuthentication(juror, identity.createGroupQuery().groupMember(juror).list()
                .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, Object> values(ProductionContexts.Context context, EvaluationInput input) {
        Map<String, Object> values = new HashMap<>();
        for (Criterion criterion : context.component().criteria()) {
            EvaluationInput.CriterionInput given = input.criteria().get(criterion.code());
            values.put(EvaluationForms.ratingKey(criterion), given.rating());
            values.put(EvaluationForms.indicatorsKey(criterion), SpinValues.jsonValue("[" + given.indicators().stream()
                    .map(rank -> "\"" + rank + "\"").collect(Collectors.joining(",")) + "]").create());
            boolean nonAcquis = !context.scale().acquired(given.rating());
            values.put(nonAcquis ? EvaluationForms.commentKey(criterion) : EvaluationForms.remarkKey(criterion), given.comment());
        }
        return values;
    }
}
