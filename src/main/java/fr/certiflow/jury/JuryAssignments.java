package fr.certiflow.jury;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The jurors of a production, or of a sitting's productions (one jury for all of them): chosen by the rules, or
 * refused with {@link NoEligibleJuryException} when no jury meets them, so that a coordinator chooses. Assignments are
 * rows of Certiflow's, which the evaluation multi-instance reads. Engine-free: the process glue
 * ({@link JuryAssignmentService}) maps the refusal to the BPMN error.
 */
@Service
public class JuryAssignments {

    private static final Logger log = LoggerFactory.getLogger(JuryAssignments.class);

    private final JuryAssigner assigner;
    private final JuryPolicies policies;
    private final JurorRepository jurors;
    private final JuryAssignmentRepository assignments;
    private final CandidateRepository candidates;
    private final Clock clock;

    JuryAssignments(JuryAssigner assigner, JuryPolicies policies, JurorRepository jurors,
            JuryAssignmentRepository assignments, CandidateRepository candidates, Clock clock) {
        this.assigner = assigner;
        this.policies = policies;
        this.jurors = jurors;
        this.assignments = assignments;
        this.candidates = candidates;
        this.clock = clock;
    }

    /**
     * Assigns a jury to the production by the rules; nothing when it has one already (the job ran before a crash).
     *
     * @throws NoEligibleJuryException when no jury meets the rules
     */
    public void assign(Production production) {
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
     * with one member, or who trains one, sits for none of them), and each member's production without a jury gets the
     * same jurors. Nothing when every member has one already (the job ran before a crash).
     *
     * @throws NoEligibleJuryException when no jury meets the rules (a coordinator designates one jury for every member)
     */
    public void assignSitting(List<Production> members, String sitting) {
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

    /** The jurors assigned to the production, in user id order, for the evaluation multi-instance. */
    public List<String> jurors(Production production) {
        return assignments.findByProductionIdOrderByJurorUserId(production.getId()).stream()
                .map(JuryAssignment::getJurorUserId).toList();
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
    public record Setting(JuryPolicy policy, List<JuryRules.Candidacy> candidacies, List<Juror> pool, Map<String, Long> loads) {

        public Setting {
            candidacies = List.copyOf(candidacies);
        }

        public Setting(JuryPolicy policy, JuryRules.Candidacy candidacy, List<Juror> pool, Map<String, Long> loads) {
            this(policy, List.of(candidacy), pool, loads);
        }
    }

    /**
     * The setting of one jury for these productions, all of one campaign. A VAE sitting's members are the composantes
     * of one bloc: the jury must suit every one of them (a composante assessed in a foreign language asks for
     * language-qualified jurors), so the strictest member's policy applies.
     */
    public Setting setting(List<Production> productions) {
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

    /** Records the jurors of the production (chosen by a coordinator when {@code manual}); its jury is then assigned. */
    void record(Production production, List<String> userIds, boolean manual) {
        for (String userId : userIds) {
            assignments.save(new JuryAssignment(production.getId(), userId, manual, clock.instant()));
        }
        production.moveTo(ProductionStatus.JURY_ASSIGNED);
    }
}
