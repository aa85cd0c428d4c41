package fr.certiflow.grid;

import fr.certiflow.evaluation.EvaluationForms;
import fr.certiflow.evaluation.EvaluationInput;
import fr.certiflow.evaluation.GroupEvaluationForms;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.referential.model.Criterion;
import java.util.ArrayList;
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

    /**
     * Records the juror's evaluation from their filled grid, or refuses it whole (nothing changed).
     *
     * @return what was recorded, in French, for the juror
     */
    @Transactional
    public String submit(Grid grid, String filename, byte[] content) {
        GridReader reader = GridReader.open(filename, content, maxBytes);
        ProductionContexts.Context context = contexts.of(grid.getProductionId());
        List<GridWorkbook.SheetEntry> issued = GridReader.open("grille", grid.getContent(), Long.MAX_VALUE).sections();
        if (!issued.isEmpty()) {
            return submitGroup(grid, reader, context, issued);
        }
        Task task = tasks.createTaskQuery().taskDefinitionKey(ActivityIds.EVALUATE_PRODUCTION).taskAssignee(grid.getJurorUserId())
                .processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                .processInstanceBusinessKey(context.production().getProcessKey()).singleResult();
        if (task == null) {
            task = vaeSittingTask(grid, context);
        }
        GroupSection section = null;
        if (task == null) {
            section = groupSection(grid, context);
            if (section == null) {
                throw GridRefusedException.conflict("Aucune évaluation de cette production n'attend le juré "
                        + grid.getJurorUserId() + " : elle est déjà faite ou pas encore ouverte.");
            }
            task = section.task();
        }
        if (reader.group()) {
            throw new GridRefusedException("Cette grille n'est pas celle émise pour cette production : "
                    + "téléchargez-la de nouveau.");
        }
        checkIssuedGrid(grid, reader, context);
        EvaluationInput input = reader.answers(context.component(), context.scale());
        Map<String, Object> values = values(context, input);
        if (section != null) {
            fill(section.task(), section.memberCount(), Map.of(section.member(), values));
            return RECORDED;
        }
        tasks.setVariableLocal(task.getId(), Variables.EVALUATION_CHANNEL, "GRID");
        complete(grid.getJurorUserId(), task, values);
        return RECORDED;
    }

    private static final String RECORDED = "Évaluation enregistrée à partir de la grille.";

    /** The uploaded workbook is the grid issued to this juror for this production, untouched but for its answers. */
    private static void checkIssuedGrid(Grid grid, GridReader reader, ProductionContexts.Context context) {
        GridWorkbook.Identification found = reader.identification();
        if (found.productionId() != grid.getProductionId()) {
            throw new GridRefusedException("Cette grille est celle d'un autre candidat (production n° "
                    + found.productionId() + ") : déposez la grille téléchargée pour cette production.");
        }
        if (!found.juror().equals(grid.getJurorUserId())) {
            throw new GridRefusedException("Cette grille est celle d'un autre juré (" + found.juror() + ").");
        }
        if (!found.referentialCode().equals(context.referential().code())
                || found.referentialVersion() != context.referential().version()
                || !found.componentCode().equals(context.component().code())) {
            throw new GridRefusedException("Cette grille a été établie pour une autre version du "
                    + "référentiel (" + found.referentialCode() + " version " + found.referentialVersion() + ", "
                    + found.componentCode() + ").");
        }
        if (!found.token().equals(grid.getToken())) {
            throw new GridRefusedException("Cette grille n'est pas la dernière émise pour vous : "
                    + "téléchargez-la de nouveau.");
        }
        if (!reader.structureIntact(context.component())) {
            throw new GridRefusedException("La structure de la grille a été modifiée (cellules "
                    + "verrouillées, lignes ou textes) : seules les cellules jaunes se remplissent.");
        }
    }

    /**
     * A group's grid (a sheet per member) fills every member's section of the juror's « Évaluer les membres du
     * groupe » task at once, and completes it as the form would once every member's section came from a grid. A sheet
     * left entirely blank leaves that member's section to the form (a member to record absent at the oral, which only
     * the form records): the filled sections are kept, shown pre-filled, and the task stays open. A partly filled
     * sheet is refused with its problems, naming the sheet; so is a grid with every sheet blank.
     */
    private String submitGroup(Grid grid, GridReader reader, ProductionContexts.Context context,
            List<GridWorkbook.SheetEntry> issued) {
        GroupTask open = groupTask(grid, context);
        if (open == null) {
            throw GridRefusedException.conflict("Aucune évaluation de ce groupe n'attend le juré "
                    + grid.getJurorUserId() + " : elle est déjà faite ou pas encore ouverte.");
        }
        if (!reader.group()) {
            throw new GridRefusedException("Cette grille n'est pas celle du groupe (une feuille par "
                    + "membre) : déposez la grille du groupe téléchargée depuis la tâche.");
        }
        checkIssuedGrid(grid, reader, context);
        if (!reader.sections().equals(issued)) {
            throw new GridRefusedException("Les feuilles de la grille ont été modifiées : déposez la "
                    + "grille du groupe téléchargée, une feuille par membre.");
        }
        Map<GridWorkbook.SheetEntry, EvaluationInput> answers = reader.sectionAnswers(context.component(), context.scale());
        if (answers.isEmpty()) {
            throw new GridRefusedException("La grille du groupe est vide : remplissez la feuille de "
                    + "chaque membre évalué (un membre absent à la soutenance se déclare dans le formulaire).");
        }
        List<Production> members = contexts.members(open.sitting());
        Map<Integer, Map<String, Object>> sections = new HashMap<>();
        List<String> left = new ArrayList<>();
        for (GridWorkbook.SheetEntry entry : issued) {
            int rank = rank(members, entry.productionId());
            if (rank == 0) {
                throw GridRefusedException.conflict("La feuille « " + entry.sheetName() + " » est celle d'un "
                        + "candidat qui n'est plus membre de la séance : téléchargez la grille de nouveau.");
            }
            EvaluationInput input = answers.get(entry);
            if (input == null) {
                left.add("« " + entry.sheetName() + " »");
                continue;
            }
            if (open.sitting().absentProductionIds().contains(entry.productionId())) {
                throw GridRefusedException.conflict("Feuille « " + entry.sheetName() + " » : ce membre a été "
                        + "déclaré absent à la soutenance par un autre juré de la séance ; laissez sa feuille vide et cochez "
                        + "« absent(e) à la soutenance » pour ce membre dans le formulaire d'évaluation du groupe.");
            }
            sections.put(rank, values(context, input));
        }
        if (fill(open.task(), members.size(), sections)) {
            return "Évaluation du groupe enregistrée à partir de la grille : " + sections.size() + " membre(s) évalué(s).";
        }
        return "Sections enregistrées à partir de la grille ; la tâche « Évaluer les membres du groupe » reste ouverte : "
                + (left.isEmpty() ? "complétez-la" : "feuille(s) vide(s) " + String.join(", ", left) + " à compléter")
                + " dans le formulaire (un membre absent à la soutenance s'y déclare).";
    }

    /**
     * Fills members' sections of the juror's group evaluation task (a draft, shown pre-filled in the group form), and
     * once every member's section has come from a grid, completes the task as the form would. A member the juror must
     * record absent has no grid to hand in: the group form records it.
     *
     * @return whether the task was completed
     */
    private boolean fill(Task task, int memberCount, Map<Integer, Map<String, Object>> sections) {
        Map<String, Object> prefixed = new HashMap<>();
        sections.forEach((member, values) -> {
            values.forEach((key, value) -> prefixed.put(GroupEvaluationForms.memberKey(member, key), value));
            prefixed.put(gridFilledKey(member), true);
        });
        tasks.setVariablesLocal(task.getId(), prefixed);
        for (int member = 1; member <= memberCount; member++) {
            if (!Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), gridFilledKey(member)))) {
                return false;
            }
        }
        complete(task.getAssignee(), task, Map.of());
        return true;
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
        return tasks.createTaskQuery().taskDefinitionKey(ActivityIds.EVALUATE_PRODUCTION).taskAssignee(grid.getJurorUserId())
                .processDefinitionKey(ProcessKeys.GROUP_ASSESSMENT).processInstanceBusinessKeyIn(keys).list().stream()
                .filter(task -> runtime.getVariable(task.getExecutionId(), Variables.MEMBER_PRODUCTION_ID)
                        instanceof Number member && member.longValue() == grid.getProductionId())
                .findFirst().orElse(null);
    }

    /** The juror's open group evaluation task where the grid's production is a member, and its sitting. */
    private GroupTask groupTask(Grid grid, ProductionContexts.Context context) {
        List<GroupSitting> found = sittings.findBySubmissionIdIn(List.of(context.production().getSubmissionId()));
        if (found.isEmpty()) {
            return null;
        }
        Task task = tasks.createTaskQuery().taskDefinitionKey(ActivityIds.EVALUATE_GROUP).taskAssignee(grid.getJurorUserId())
                .processDefinitionKey(ProcessKeys.GROUP_ASSESSMENT)
                .processInstanceBusinessKeyIn(found.stream().map(GroupSitting::getBusinessKey).toArray(String[]::new))
                .singleResult();
        if (task == null) {
            return null;
        }
        GroupSitting sitting = found.stream().filter(s -> task.getProcessInstanceId().equals(s.getProcessInstanceId()))
                .findFirst().orElse(found.get(found.size() - 1));
        return new GroupTask(task, sitting);
    }

    private record GroupTask(Task task, GroupSitting sitting) {
    }

    /** A member's grid (as issued before group grids): the member's section of the juror's group task. */
    private GroupSection groupSection(Grid grid, ProductionContexts.Context context) {
        GroupTask open = groupTask(grid, context);
        if (open == null) {
            return null;
        }
        if (open.sitting().absentProductionIds().contains(grid.getProductionId())) {
            throw GridRefusedException.conflict("Ce membre du groupe a été déclaré absent à la soutenance par "
                    + "un autre juré de la séance : sa grille ne s'applique pas. Cochez « absent(e) à la soutenance » pour ce "
                    + "membre dans le formulaire d'évaluation du groupe.");
        }
        List<Production> members = contexts.members(open.sitting());
        int rank = rank(members, grid.getProductionId());
        return rank == 0 ? null : new GroupSection(open.task(), rank, members.size());
    }

    /** The member's rank in the sitting (1 for the first), 0 when the production is no member. */
    private static int rank(List<Production> members, long productionId) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getId() == productionId) {
                return i + 1;
            }
        }
        return 0;
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
