package fr.certiflow.jury;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The jury assignment step of the production process: the rule chooses the jurors, or raises the BPMN error that
 * hands the choice to a coordinator. Assignments are rows of Certiflow's, which the evaluation multi-instance reads.
 */
@Component("juryAssignment")
public class JuryAssignmentService {

    private static final Logger log = LoggerFactory.getLogger(JuryAssignmentService.class);

    private final JuryAssigner assigner;
    private final JuryPolicies policies;
    private final JurorRepository jurors;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final CandidateRepository candidates;
    private final Clock clock;

    JuryAssignmentService(JuryAssigner assigner, JuryPolicies policies, JurorRepository jurors,
            JuryAssignmentRepository assignments, ProductionContexts contexts, CandidateRepository candidates, Clock clock) {
        this.assigner = assigner;
        this.policies = policies;
        this.jurors = jurors;
        this.assignments = assignments;
        this.contexts = contexts;
        this.candidates = candidates;
        this.clock = clock;
    }

    public void assign(DelegateExecution execution) {
        Production production = contexts.production(execution);
        if (!assignments.findByProductionIdOrderByJurorUserId(production.getId()).isEmpty()) {
            return; // already assigned: the job ran before a crash
        }
        Setting setting = setting(production);
        List<String> chosen = assigner.choose(new JuryAssigner.Request(setting.policy(), setting.candidacy()), setting.pool(),
                setting.loads());
        if (chosen.isEmpty()) {
            log.info("No eligible jury for production {}: a coordinator assigns it", production.getId());
            throw new BpmnError(ProcessKeys.ERROR_NO_ELIGIBLE_JUROR, "Aucun jury possible selon les règles d'affectation");
        }
        record(production, chosen, false);
    }

    /**
     * One jury for a group's sitting: the rules are checked against every member (a juror with a conflict of interest
     * with one member, or who trains one, sits for none of them), and each member's production gets the same jurors.
     * When no jury meets the rules, the step fails with an incident naming the group: the coordinator completes the pool
     * and retries it from Cockpit.
     */
    public void assignGroup(DelegateExecution execution) {
        List<Production> members = contexts.members(execution);
        if (members.stream().allMatch(member -> !assignments.findByProductionIdOrderByJurorUserId(member.getId()).isEmpty())) {
            return; // already assigned: the job ran before a crash
        }
        // A VAE sitting's members are the composantes of one bloc: the jury must suit every one of them (a composante
        // assessed in a foreign language asks for language-qualified jurors), so the strictest member's policy applies.
        Setting setting = members.stream().map(this::setting)
                .max(java.util.Comparator.comparingInt(s -> s.policy().languageQualifiedMinimum())).orElseThrow();
        List<JuryRules.Candidacy> candidacies = members.stream().map(member -> setting(member).candidacy()).toList();
        List<String> chosen = assigner.choose(new JuryAssigner.Request(setting.policy(), candidacies), setting.pool(),
                setting.loads());
        if (chosen.isEmpty()) {
            boolean vae = ProcessKeys.isVaeSitting(execution.getProcessBusinessKey());
            throw new IllegalStateException("Aucun jury possible selon les règles d'affectation pour "
                    + (vae ? "le candidat VAE " + execution.getVariable(Variables.GROUP_CODE) + " sur le "
                            + execution.getVariable(Variables.COMPONENT_LABEL) + " (" + members.size() + " composantes)"
                            : "le groupe " + execution.getVariable(Variables.GROUP_CODE) + " (" + members.size() + " membres)")
                    + " : complétez le vivier de jurés puis relancez l'étape depuis Cockpit.");
        }
        for (Production member : members) {
            if (assignments.findByProductionIdOrderByJurorUserId(member.getId()).isEmpty()) {
                record(member, chosen, false);
            }
        }
    }

    /**
     * What the rules judge a jury of this production by.
     *
     * @param pool the campaign's jurors, in user id order
     * @param loads productions already assigned to each juror of the campaign, by user id
     */
    record Setting(JuryPolicy policy, JuryRules.Candidacy candidacy, List<Juror> pool, Map<String, Long> loads) {
    }

    Setting setting(Production production) {
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        Map<String, Long> loads = new HashMap<>();
        for (Object[] row : assignments.loadsInCampaign(production.getCampaignId())) {
            loads.put((String) row[0], (Long) row[1]);
        }
        return new Setting(policies.forProduction(production),
                new JuryRules.Candidacy(candidate.getNumber(), candidate.getTrainer(), candidate.getEmployer(), Set.of()),
                jurors.findByCampaignIdOrderByUserId(production.getCampaignId()), loads);
    }

    /** The jurors of the production, for the evaluation multi-instance. */
    public List<String> jurors(DelegateExecution execution) {
        return assignments.findByProductionIdOrderByJurorUserId(contexts.production(execution).getId()).stream()
                .map(JuryAssignment::getJurorUserId).toList();
    }

    void record(Production production, List<String> userIds, boolean manual) {
        for (String userId : userIds) {
            assignments.save(new JuryAssignment(production.getId(), userId, manual, clock.instant()));
        }
        production.moveTo(ProductionStatus.JURY_ASSIGNED);
    }
}
