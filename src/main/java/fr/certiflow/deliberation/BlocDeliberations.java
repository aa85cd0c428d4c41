package fr.certiflow.deliberation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.process.Decision;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The jury president's deliberation on a bloc, apart from the engine: the proposed result confirmed, or overridden with
 * a written justification; an adjournment (resit) only while the campaign allows another attempt. Recorded with its
 * author, and the candidate told what follows.
 */
@Service
public class BlocDeliberations {

    static final Set<String> DECISIONS = Decision.BLOC_DECISIONS.stream().map(Decision::code)
            .collect(Collectors.toUnmodifiableSet());

    static final int MAX_JUSTIFICATION = 4000;

    /**
     * What the deliberation form submitted, with what the process knows of the bloc.
     *
     * @param decision the decision code chosen, or null
     * @param justification as typed, or null
     * @param proposed the result the decision table proposed, or null
     * @param attempt the bloc's current attempt, from 1
     * @param maxAttempts the attempts the campaign allows
     * @param decidedBy who decides
     */
    public record Submission(String decision, String justification, String proposed, int attempt, int maxAttempts,
            String decidedBy) {
    }

    /** A checked deliberation: the decision, its justification (null when none was written) and its author. */
    public record Deliberation(String decision, String justification, String decidedBy) {
    }

    private final BlocResultRepository results;
    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final Notifier notifier;
    private final Clock clock;
    private final CampaignReferentials referentials;

    BlocDeliberations(BlocResultRepository results, CampaignRepository campaigns, CandidateRepository candidates,
            Notifier notifier, Clock clock, CampaignReferentials referentials) {
        this.results = results;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.notifier = notifier;
        this.clock = clock;
        this.referentials = referentials;
    }

    /**
     * The submission once checked.
     *
     * @throws RefusedException in French, when the decision is missing or unknown, differs from the proposal without
     *         a justification, the justification is too long, or the bloc is adjourned after the last attempt
     */
    public Deliberation check(Submission submission) {
        String decision = submission.decision();
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new RefusedException("Choisissez la décision du jury pour ce bloc.");
        }
        String justification = submission.justification() == null || submission.justification().isBlank() ? null
                : submission.justification().strip();
        if (!decision.equals(submission.proposed()) && justification == null) {
            throw new RefusedException("La décision (" + Decision.label(decision) + ") diffère du résultat proposé ("
                    + Decision.label(submission.proposed()) + ") : une justification écrite est obligatoire.");
        }
        if (justification != null && justification.length() > MAX_JUSTIFICATION) {
            throw new RefusedException("La justification dépasse 4000 caractères.");
        }
        if (Decision.AJOURNE.is(decision) && submission.attempt() >= submission.maxAttempts()) {
            throw new RefusedException("Le candidat a épuisé ses " + submission.maxAttempts()
                    + " passages autorisés : le bloc ne peut plus être ajourné.");
        }
        return new Deliberation(decision, justification, submission.decidedBy());
    }

    /**
     * Checks the submission, records the bloc's result at this attempt and queues the candidate's mail.
     *
     * @return the decision code
     * @throws RefusedException as {@link #check}
     * @throws IllegalStateException when the bloc was already decided at this attempt
     */
    public String record(long campaignId, long candidateId, String blocCode, Submission submission) {
        Deliberation deliberation = check(submission);
        int attempt = submission.attempt();
        results.findByCampaignIdAndCandidateIdAndBlocCodeAndAttempt(campaignId, candidateId, blocCode, attempt)
                .ifPresent(previous -> {
                    throw new IllegalStateException("Bloc " + blocCode + " of candidate " + candidateId
                            + " was already decided at attempt " + attempt);
                });
        results.save(new BlocResult(campaignId, candidateId, blocCode, attempt, submission.proposed(),
                deliberation.decision(), deliberation.justification(), deliberation.decidedBy(), clock.instant()));
        Candidate candidate = candidates.findById(candidateId).orElseThrow();
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        notifier.queue(MailTemplates.BLOC_RESULT, candidate.getEmail(), Map.of(
                        "candidat", candidate.fullName(),
                        "campagne", campaign.getName(),
                        "bloc", blocCode,
                        "decision", Decision.label(deliberation.decision()).toLowerCase(Locale.FRENCH),
                        "suite", nextStep(deliberation.decision(),
                                referentials.regulation(campaign).resits().keepsValidatedComponents())),
                null, "bloc-result:" + campaignId + ":" + candidateId + ":" + blocCode + ":" + attempt);
        return deliberation.decision();
    }

    /**
     * What the candidate must do after the jury's decision on a bloc.
     *
     * @param resitKeepsValidated whether a resit keeps the composantes validated (the règlement's {@code resits.keep})
     */
    static String nextStep(String decision, boolean resitKeepsValidated) {
        if (Decision.VALIDE.is(decision)) {
            return "rien pour ce bloc, qui vous est acquis ; la décision de certification vous sera adressée après le jury "
                    + "final.";
        }
        if (Decision.AJOURNE.is(decision)) {
            return (resitKeepsValidated ? "repasser les composantes non validées de ce bloc ; leurs"
                    : "repasser toutes les composantes de ce bloc, celles déjà validées comprises ; leurs")
                    + " nouvelles échéances vous seront communiquées par un prochain courriel.";
        }
        return "prendre contact avec le coordinateur de la session pour connaître les possibilités de le repasser lors "
                + "d'une prochaine session.";
    }
}
