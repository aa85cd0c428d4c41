package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.FormIds;
import fr.certiflow.process.GroupOutcome;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Glue between a group's members and their sitting (« Évaluation d'une production collective »). A member's production
 * process joins the sitting once the group's production is handed in: the first member opens it (one row per group
 * submission and round, under a unique key, and one process instance), the others find it. The sitting then checks
 * admissibility, designates one jury, schedules one oral and has each juror evaluate every member in one task; it
 * hands each member's outcome back to the member's own process (message {@value ProcessKeys#MESSAGE_GROUP_SITTING_DONE}),
 * which decides and records the member's individual result. Every method is idempotent: a job may run again.
 */
@Service("groupSittings")
public class GroupSittings {

    private static final Logger log = LoggerFactory.getLogger(GroupSittings.class);


    private final GroupSittingRepository sittings;
    private final SubmissionRepository submissions;
    private final ProductionContexts contexts;
    private final CandidateRepository candidates;
    private final RuntimeService runtime;
    private final Clock clock;

    GroupSittings(GroupSittingRepository sittings, SubmissionRepository submissions, ProductionContexts contexts, CandidateRepository candidates,
            RuntimeService runtime, Clock clock) {
        this.sittings = sittings;
        this.submissions = submissions;
        this.contexts = contexts;
        this.candidates = candidates;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** A member's production process joins its group's sitting, opening it when it is the first member to arrive. */
    public void join(DelegateExecution execution) {
        ProductionContexts.Context context = contexts.of(execution);
        Production production = context.production();
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        Campaign campaign = context.campaign();
        int round = production.getReturnedCount();
        AssessmentRoute route = context.route();
        // A VAE candidate's sitting is on the bloc whose dossier they handed in; its « group » is the candidate alone.
        String unit = route.vae() ? candidate.getNumber() : candidate.getGroupCode();
        String code = route.vae() ? route.bloc().code() : production.getComponentCode();
        // The members' joins take their turn on the group's submission (one row, locked until this job commits): the
        // first opens the sitting, the others find it. The unique key (submission, round) stays the last guard.
        submissions.lockById(production.getSubmissionId()).orElseThrow();
        GroupSitting sitting = sittings.findBySubmissionIdAndRound(production.getSubmissionId(), round).orElseGet(() ->
                sittings.saveAndFlush(new GroupSitting(production.getSubmissionId(), round, campaign.getId(), code,
                        production.getAttempt(), unit, route.vae()
                                ? ProcessKeys.vaeBusinessKey(campaign.getCode(), unit, code, production.getAttempt(), round)
                                : ProcessKeys.groupBusinessKey(campaign.getCode(), unit, code, production.getAttempt(), round),
                        clock.instant())));
        if (sitting.getProcessInstanceId() != null) {
            return;
        }
        List<Production> members = contexts.members(sitting);
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CAMPAIGN_ID, campaign.getId());
        variables.put(Variables.CAMPAIGN_CODE, campaign.getCode());
        // Tasks name what they are about: the composante, or « bloc BC1 » for a VAE sitting's steps done once.
        variables.put(route.vae() ? Variables.BLOC_CODE : Variables.COMPONENT_CODE, code);
        variables.put(Variables.ATTEMPT, production.getAttempt());
        variables.put(Variables.GROUP_CODE, sitting.getGroupCode());
        variables.put(Variables.VAE_SITTING, route.vae());
        variables.put(Variables.CANDIDATE_LABEL, route.vae() ? vaeLabel(candidate) : groupLabel(sitting, members));
        variables.put(Variables.COMPONENT_LABEL, route.vae()
                ? route.bloc().code() + " " + route.bloc().title() + " (" + members.stream()
                        .map(Production::getComponentCode).collect(Collectors.joining(", ")) + ")"
                : context.component().code() + " " + context.component().title());
        variables.put(Variables.ORAL, route.oral());
        variables.put(Variables.ROUTE, route.describe());
        // A VAE sitting's forms are each composante's own, set on each composante's evaluation (nameMember).
        variables.put(Variables.EVALUATION_FORM_ID, route.vae() ? null
                : FormIds.groupEvaluation(context.regulation(), context.component()));
        variables.put(Variables.HARMONISATION_FORM_ID, route.vae() ? null
                : FormIds.harmonisation(context.regulation(), context.component()));
        variables.put(Variables.EVALUATION_DUE,
                campaign.getEvaluationDeadline() == null ? null : Date.from(campaign.getEvaluationDeadline()));
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.GROUP_ASSESSMENT, sitting.getBusinessKey(),
                variables);
        sitting.started(instance.getId());
        log.info("{} {} opened its sitting {} on {} for {} productions", route.vae() ? "VAE candidate" : "Group",
                sitting.getGroupCode(), sitting.getBusinessKey(), code, members.size());
    }

    /** « Groupe G1 : Nom Prénom (n° 2027-001), … », as tasks and forms name the group. */
    String groupLabel(GroupSitting sitting, List<Production> members) {
        return "Groupe " + sitting.getGroupCode() + " : " + members.stream().map(this::memberName)
                .collect(Collectors.joining(", "));
    }

    String memberName(Production production) {
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        return candidate.numberedName();
    }

    /** The members' productions, for the sitting's multi-instance steps (grids). */
    public List<Long> memberIds(DelegateExecution execution) {
        return contexts.members(execution).stream().map(Production::getId).toList();
    }

    /** The members whose jurors disagree on a criterion, for the president's harmonisation, one task per member. */
    public List<Long> membersToHarmonise(DelegateExecution execution) {
        return contexts.members(execution).stream().filter(member -> member.getStatus() == ProductionStatus.HARMONISATION)
                .map(Production::getId).toList();
    }

    /** « Nom Prénom (2027-070, VAE) », as a VAE candidate's tasks name them. */
    private static String vaeLabel(Candidate candidate) {
        return candidate.fullName() + " (" + candidate.getNumber() + ", VAE)";
    }

    /**
     * Names the member a multi-instance task is for (« Groupe G1 — Nom Prénom (n° …) »), on its own execution. In a VAE
     * sitting a member is one composante of the bloc: its label, evaluation and harmonisation forms are the composante's.
     */
    public void nameMember(DelegateExecution execution) {
        if (ProcessKeys.isVaeSitting(execution.getProcessBusinessKey())) {
            ProductionContexts.Context context = contexts.of(execution);
            execution.setVariableLocal(Variables.CANDIDATE_LABEL,
                    vaeLabel(candidates.findById(context.production().getCandidateId()).orElseThrow()));
            execution.setVariableLocal(Variables.COMPONENT_CODE, context.component().code());
            execution.setVariableLocal(Variables.COMPONENT_LABEL, context.component().code() + " " + context.component().title());
            execution.setVariableLocal(Variables.EVALUATION_FORM_ID,
                    FormIds.evaluation(context.regulation(), context.component()));
            execution.setVariableLocal(Variables.HARMONISATION_FORM_ID,
                    FormIds.harmonisation(context.regulation(), context.component()));
            return;
        }
        GroupSitting sitting = contexts.sitting(execution.getProcessBusinessKey());
        execution.setVariableLocal(Variables.CANDIDATE_LABEL,
                "Groupe " + sitting.getGroupCode() + " — " + memberName(contexts.production(execution)));
    }

    /** The coordinator returned the group's production: each member's process returns it and waits for it again. */
    public void returnToGroup(DelegateExecution execution) {
        Object reason = execution.getVariable(Variables.RETURN_REASON);
        deliver(execution, member -> GroupOutcome.RETURNED, reason == null ? null : reason.toString());
    }

    /** The sitting is over: each member's process decides its own result, or records its absence at the oral. */
    public void assessed(DelegateExecution execution) {
        GroupSitting sitting = contexts.sitting(execution.getProcessBusinessKey());
        deliver(execution, member -> sitting.absentProductionIds().contains(member.getId()) ? GroupOutcome.ABSENT : GroupOutcome.ASSESSED, null);
    }

    private void deliver(DelegateExecution execution, java.util.function.Function<Production, GroupOutcome> outcome, String reason) {
        for (Production member : contexts.members(execution)) {
            var correlation = runtime.createMessageCorrelation(ProcessKeys.MESSAGE_GROUP_SITTING_DONE)
                    .processInstanceBusinessKey(member.getProcessKey())
                    .setVariable(Variables.GROUP_OUTCOME, outcome.apply(member).code());
            if (reason != null) {
                // Read by the member's return step in the same transaction: nothing to keep.
                correlation.setVariable(Variables.RETURN_REASON,
                        org.camunda.bpm.engine.variable.Variables.stringValue(reason, true));
            }
            try {
                correlation.correlate();
            } catch (MismatchingMessageCorrelationException notWaitingYet) {
                // A member whose join is still to run: the job runs again; a coordinator's return is refused whole.
                throw new ProcessException("Le processus de " + memberName(member) + " n'a pas encore rejoint la séance du "
                        + "groupe ; réessayez dans un instant.");
            }
        }
    }
}
