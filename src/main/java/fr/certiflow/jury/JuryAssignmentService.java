package fr.certiflow.jury;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Assigns a jury by the rules; when none meets them, the BPMN error hands the choice to a coordinator. */
    public void assign(DelegateExecution execution) {
        EngineErrors.forDelegate(NoEligibleJuryException.class, ProcessKeys.ERROR_NO_ELIGIBLE_JUROR,
                () -> assignProduction(contexts.production(execution)));
    }

    void assignProduction(Production production) {
        if (!assignments.findByProductionIdOrderByJurorUserId(production.getId()).isEmpty()) {
            return; // already assigned: the job ran before a crash
        }
        List<String> chosen = choose(setting(List.of(production)));
        if (chosen.isEmpty()) {
            log.info("No eligible jury for production {}: a coordinator assigns it", production.getId());
            throw new NoEligibleJuryException();
        }
        record(production, chosen, false);
    }

    /**
     * One jury for a group's sitting: the rules are checked against every member (a juror with a conflict of interest
     * with one member, or who trains one, sits for none of them), and each member's production gets the same jurors.
     * When no jury meets the rules, the BPMN error hands the choice to a coordinator, as for one production (« Désigner
     * les jurés du groupe manuellement »), who designates one jury for every member.
     */
    public void assignGroup(DelegateExecution execution) {
        EngineErrors.forDelegate(NoEligibleJuryException.class, ProcessKeys.ERROR_NO_ELIGIBLE_JUROR,
                () -> assignSitting(contexts.members(execution), execution.getProcessBusinessKey()));
    }

    void assignSitting(List<Production> members, String sitting) {
        if (members.stream().allMatch(member -> !assignments.findByProductionIdOrderByJurorUserId(member.getId()).isEmpty())) {
            return; // already assigned: the job ran before a crash
        }
        List<String> chosen = choose(setting(members));
        if (chosen.isEmpty()) {
            log.info("No eligible jury for sitting {} ({} productions): a coordinator assigns it",
                    sitting, members.size());
            throw new NoEligibleJuryException();
        }
        for (Production member : members) {
            if (assignments.findByProductionIdOrderByJurorUserId(member.getId()).isEmpty()) {
                record(member, chosen, false);
            }
        }
    }

    private List<String> choose(Setting setting) {
        return assigner.choose(new JuryAssigner.Request(setting.policy(), setting.candidacies()), setting.pool(), setting.loads());
    }

    /**
     * What the rules judge one jury for these productions by (one production, or a sitting's members).
     *
     * @param candidacies whom the jury is for, one per production, in the productions' order
     * @param pool the campaign's jurors, in user id order
     * @param loads productions already assigned to each juror of the campaign, by user id
     */
    record Setting(JuryPolicy policy, List<JuryRules.Candidacy> candidacies, List<Juror> pool, Map<String, Long> loads) {

        Setting {
            candidacies = List.copyOf(candidacies);
        }

        Setting(JuryPolicy policy, JuryRules.Candidacy candidacy, List<Juror> pool, Map<String, Long> loads) {
            this(policy, List.of(candidacy), pool, loads);
        }
    }

    /**
     * The setting of one jury for these productions, all of one campaign. A VAE sitting's members are the composantes
     * of one bloc: the jury must suit every one of them (a composante assessed in a foreign language asks for
     * language-qualified jurors), so the strictest member's policy applies.
     */
    Setting setting(List<Production> productions) {
        Long campaignId = productions.get(0).getCampaignId();
        Map<String, Long> loads = new HashMap<>();
        for (Object[] row : assignments.loadsInCampaign(campaignId)) {
            loads.put((String) row[0], (Long) row[1]);
        }
        JuryPolicy policy = productions.stream().map(policies::forProduction)
                .max(Comparator.comparingInt(JuryPolicy::languageQualifiedMinimum)).orElseThrow();
        List<JuryRules.Candidacy> candidacies = productions.stream().map(production -> {
            Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
            return new JuryRules.Candidacy(candidate.getNumber(), candidate.getTrainer(), candidate.getEmployer(), Set.of(),
                    candidate.numberedName());
        }).toList();
        return new Setting(policy, candidacies, jurors.findByCampaignIdOrderByUserId(campaignId), loads);
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
