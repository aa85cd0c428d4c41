package fr.certiflow.progress;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.deliberation.CertificationDecision;
import fr.certiflow.deliberation.CertificationDecisionRepository;
import fr.certiflow.notification.Notification;
import fr.certiflow.notification.NotificationRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.regulation.Regulation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a campaign stands: counts of productions, blocs and certifications, and each candidate's situation. */
@Service
public class CampaignProgress {

    public static final String IN_PROGRESS = "EN_COURS";
    public static final String ACQUIRED_EARLIER = "ACQUIS_ANTERIEUREMENT";

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final ProductionRepository productions;
    private final BlocResultRepository blocResults;
    private final CertificationDecisionRepository decisions;
    private final NotificationRepository notifications;
    private final fr.certiflow.campaign.CampaignReferentials referentials;

    CampaignProgress(CampaignRepository campaigns, CandidateRepository candidates, ProductionRepository productions,
            BlocResultRepository blocResults, CertificationDecisionRepository decisions, NotificationRepository notifications,
            fr.certiflow.campaign.CampaignReferentials referentials) {
        this.referentials = referentials;
        this.notifications = notifications;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.productions = productions;
        this.blocResults = blocResults;
        this.decisions = decisions;
    }

    public record Report(String code, String name, CampaignStatus status, Counts productions,
            Map<String, Long> productionResults, Map<String, Long> blocs, Map<String, Long> certifications,
            List<CandidateProgress> candidates) {
    }

    public record Counts(long total, Map<String, Long> byStatus) {
    }

    /**
     * @param pathway FORMATION or VAE
     * @param route how the candidate is assessed, as people read it, with its source for the VAE route
     */
    public record CandidateProgress(String number, String lastName, String firstName, String group, String pathway,
            String route, Map<String, String> blocs, List<ProductionProgress> productions, String certification,
            List<MessageProgress> messages) {
    }

    /**
     * A convocation or a result sent (or to be sent) to the candidate.
     *
     * @param kind CONVOCATION, BLOC_RESULT or RESULT
     * @param status the outbox's: PENDING, SENT, FAILED, NO_ADDRESS
     */
    public record MessageProgress(String kind, String subject, String status, Instant queuedAt, Instant sentAt) {
    }

    /** The kinds of message a candidate's progress lists: what they were convened to, and what was decided. */
    static final List<String> LISTED_MESSAGES = List.of("CONVOCATION", "BLOC_RESULT", "RESULT");

    public record ProductionProgress(String component, int attempt, String status, String result, Instant deadline) {
    }

    /** The candidate of each listed message: by its production, or by the candidate its key names. */
    private Map<Long, List<MessageProgress>> messagesByCandidate(Long campaignId, List<Production> productions) {
        Map<Long, Long> candidateOfProduction = productions.stream()
                .collect(Collectors.toMap(Production::getId, Production::getCandidateId));
        Map<Long, List<MessageProgress>> byCandidate = new java.util.HashMap<>();
        for (Notification message : notifications.findOfCampaign(campaignId, LISTED_MESSAGES)) {
            Long candidateId = message.getProductionId() != null ? candidateOfProduction.get(message.getProductionId())
                    : Long.valueOf(message.getDedupKey().split(":")[2]);
            byCandidate.computeIfAbsent(candidateId, id -> new ArrayList<>()).add(new MessageProgress(message.getKind(),
                    message.getSubject(), message.getStatus().name(), message.getCreatedAt(), message.getSentAt()));
        }
        return byCandidate;
    }

    @Transactional(readOnly = true)
    public Report of(Long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        List<Candidate> cohort = candidates.findByCampaignIdOrderByNumber(campaignId);
        List<Production> all = productions.findByCampaignId(campaignId);
        Map<Long, List<Production>> byCandidate = all.stream().collect(Collectors.groupingBy(Production::getCandidateId));
        Map<Long, Map<String, String>> latestBloc = new TreeMap<>();
        for (BlocResult result : blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaignId)) {
            latestBloc.computeIfAbsent(result.getCandidateId(), id -> new TreeMap<>()).put(result.getBlocCode(), result.getDecision());
        }
        Map<Long, List<MessageProgress>> messages = messagesByCandidate(campaignId, all);
        Map<Long, CertificationDecision> certification = decisions.findByCampaignIdOrderByCandidateId(campaignId).stream()
                .collect(Collectors.toMap(CertificationDecision::getCandidateId, Function.identity()));
        List<CandidateProgress> rows = new ArrayList<>();
        Map<String, Long> blocCounts = new TreeMap<>();
        Regulation regulation = referentials.regulation(campaign);
        for (Candidate candidate : cohort) {
            Map<String, String> blocs = new TreeMap<>();
            for (String bloc : campaign.getBlocs()) {
                String state = campaign.acquiredEarlier(candidate, bloc, regulation.bloc()) ? ACQUIRED_EARLIER
                        : latestBloc.getOrDefault(candidate.getId(), Map.of()).getOrDefault(bloc, IN_PROGRESS);
                blocs.put(bloc, state);
                blocCounts.merge(state, 1L, Long::sum);
            }
            List<ProductionProgress> own = byCandidate.getOrDefault(candidate.getId(), List.of()).stream()
                    .sorted(Comparator.comparing(Production::getComponentCode).thenComparing(Production::getAttempt))
                    .map(p -> new ProductionProgress(p.getComponentCode(), p.getAttempt(), p.getStatus().name(),
                            p.getResult(), p.getDeadline()))
                    .toList();
            CertificationDecision decision = certification.get(candidate.getId());
            rows.add(new CandidateProgress(candidate.getNumber(), candidate.getLastName(), candidate.getFirstName(),
                    candidate.getGroupCode(), candidate.getPathway().name(),
                    regulation.route(candidate.getPathway() == Pathway.VAE), blocs, own,
                    decision == null ? IN_PROGRESS : decision.getDecision() == null ? "PROPOSEE_" + decision.getProposed()
                            : decision.getDecision(),
                    messages.getOrDefault(candidate.getId(), List.of())));
        }
        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(p -> p.getStatus().name(), TreeMap::new,
                Collectors.counting()));
        Map<String, Long> results = all.stream().collect(Collectors.groupingBy(
                p -> p.getResult() == null ? IN_PROGRESS : p.getResult(), TreeMap::new, Collectors.counting()));
        Map<String, Long> certifications = rows.stream().collect(Collectors.groupingBy(CandidateProgress::certification,
                TreeMap::new, Collectors.counting()));
        return new Report(campaign.getCode(), campaign.getName(), campaign.getStatus(), new Counts(all.size(), byStatus),
                results, blocCounts, certifications, rows);
    }
}
