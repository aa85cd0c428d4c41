package fr.certiflow.evaluation;

import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.campaign.CandidateRepository;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Service;

/**
 * A juror's evaluation task at a group's sitting: every member of the group in one task, one section per member (see
 * {@link GroupEvaluationForms}). As for an individual production, the task is bound to the juror the multi-instance
 * designated, and accepted only from them, once. Each member is either evaluated (one evaluation per member's
 * production and juror, as for an individual production, so that consolidation, progress and the PV work per
 * member) or recorded absent at the oral. The absence is a fact of the sitting, the same for every juror: a juror may
 * not evaluate a member another juror recorded absent, nor record absent a member another juror evaluated.
 */
@Service("groupEvaluationTaskListener")
public class GroupEvaluationTaskListener implements TaskListener, SubmissionCheck {


    private final EvaluationService evaluations;
    private final EvaluationRepository recorded;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final EvaluationGrids grids;
    private final CandidateRepository candidates;

    GroupEvaluationTaskListener(EvaluationService evaluations, EvaluationRepository recorded,
            JuryAssignmentRepository assignments, ProductionContexts contexts, ProductionDocuments documents,
            EvaluationGrids grids, CandidateRepository candidates) {
        this.evaluations = evaluations;
        this.recorded = recorded;
        this.assignments = assignments;
        this.contexts = contexts;
        this.documents = documents;
        this.grids = grids;
        this.candidates = candidates;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.EVALUATE_GROUP);
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> EvaluationTaskListener.keptByDesignatedJuror(task);
            case TaskListener.EVENTNAME_COMPLETE -> completed(task);
            default -> {
            }
        }
    }

    private void created(DelegateTask task) {
        List<Production> members = contexts.members(task);
        task.setVariableLocal(Variables.MEMBER_COUNT, members.size());
        task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(members.get(0).getId()));
        List<String> links = new java.util.ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            String name = memberName(member);
            task.setVariableLocal(GroupEvaluationForms.memberLabelKey(i + 1), "Membre " + (i + 1) + " — " + name);
            grids.gridId(member.getId(), task.getAssignee()).ifPresent(grid ->
                    links.add("- [Grille d'évaluation (Excel) de " + name + "](/api/grids/" + grid + ")\n"));
            if (member.getStatus() == ProductionStatus.JURY_ASSIGNED) {
                member.moveTo(ProductionStatus.UNDER_EVALUATION);
            }
        }
        // The group's grid (a sheet per member) is kept under the first member's production; a sitting opened before
        // group grids has one grid per member.
        if (links.size() == 1) {
            grids.gridId(members.get(0).getId(), task.getAssignee()).ifPresent(grid -> links.set(0,
                    "- [Grille d'évaluation du groupe (Excel) : une feuille par membre](/api/grids/" + grid + ")\n"));
        }
        if (!links.isEmpty()) {
            task.setVariableLocal(Variables.GRID_LINK, String.join("", links));
        }
        // One admissibility check for the group: what it found missing is recorded on a member's production.
        members.stream().map(EvaluationTaskListener::admissibilityNote).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(note -> task.setVariableLocal(Variables.ADMISSIBILITY_NOTE, note));
    }

    private String memberName(Production member) {
        var candidate = candidates.findById(member.getCandidateId()).orElseThrow();
        return candidate.fullName() + " (n° " + candidate.getNumber() + ")";
    }

    @Override
    public void check(DelegateTask task) {
        String juror = EvaluationTaskListener.keptByDesignatedJuror(task);
        TaskActors.current(task).ifPresent(user -> {
            if (!juror.equals(user.getUserId())) {
                throw new ProcessException("Seul le juré désigné (" + juror + ") peut enregistrer cette évaluation.");
            }
        });
        ProductionContexts.Context context = contexts.of(task);
        GroupSitting sitting = contexts.sitting(task.getExecution().getProcessBusinessKey());
        List<Production> members = contexts.members(task);
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            String name = memberName(member);
            if (!assignments.existsByProductionIdAndJurorUserId(member.getId(), juror)) {
                throw new ProcessException(juror + " n'est pas juré de " + name + " : son évaluation ne peut pas être enregistrée.");
            }
            if (recorded.findByProductionIdAndJurorUserId(member.getId(), juror).isPresent()) {
                throw new ProcessException("L'évaluation de " + juror + " pour " + name + " est déjà enregistrée : elle ne se modifie plus.");
            }
            boolean absent = absent(task, i + 1);
            if (absent && !recorded.findByProductionIdOrderByJurorUserId(member.getId()).isEmpty()) {
                throw new ProcessException(name + " a été évalué(e) par un autre juré de la séance : il ou elle était présent(e) "
                        + "à la soutenance. Évaluez ce membre.");
            }
            if (!absent && sitting.absentProductionIds().contains(member.getId())) {
                throw new ProcessException(name + " a été déclaré(e) absent(e) à la soutenance par un autre juré de la séance : "
                        + "cochez « absent(e) à la soutenance » pour ce membre.");
            }
            if (!absent) {
                try {
                    evaluations.check(context.scale(), context.component(), input(task, context, i + 1));
                } catch (EvaluationRefusedException e) {
                    throw new ProcessException(name + " : " + e.getMessage());
                }
            }
        }
    }

    private void completed(DelegateTask task) {
        check(task);
        String juror = EvaluationTaskListener.keptByDesignatedJuror(task);
        ProductionContexts.Context context = contexts.of(task);
        GroupSitting sitting = contexts.sitting(task.getExecution().getProcessBusinessKey());
        List<Production> members = contexts.members(task);
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            if (absent(task, i + 1)) {
                sitting.recordAbsent(member.getId());
            } else {
                evaluations.record(member.getId(), juror, "FORM", context.scale(), context.component(),
                        input(task, context, i + 1));
            }
        }
    }

    private static boolean absent(DelegateTask task, int member) {
        return Boolean.TRUE.equals(task.getVariableLocal(GroupEvaluationForms.absentKey(member)));
    }

    private static EvaluationInput input(DelegateTask task, ProductionContexts.Context context, int member) {
        return EvaluationTaskListener.input(task, context.scale(), context.component(), "M" + member + "_");
    }
}
