package fr.certiflow.deliberation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.Decision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The campaign's certification jury, apart from the engine: what the jury reads when it sits (the règlement's rules,
 * the jury pool, each candidate's proposed decision), the check of its sitting (see {@link CertificationDeliberation}
 * for the rules) and the record of the jury and of every candidate's decision.
 */
@Service
public class CertificationJuries {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A member of the jury pool as the form offers it: the user id, and the name the jury reads. */
    public record PoolEntry(String value, String label) {
    }

    /** A candidate's line in the list of proposals: number, name, blocs acquired, proposed decision in French. */
    public record ProposalRow(String number, String name, String blocs, String proposal) {
    }

    /** What the jury's task shows. */
    public record Briefing(String rules, List<PoolEntry> pool, List<ProposalRow> proposals, String minutesLink) {

        /** The pool as the form's checklists read it: a JSON array of {value, label}. */
        public String poolJson() {
            ArrayNode array = JSON.createArrayNode();
            pool.forEach(entry -> array.addObject().put("value", entry.value()).put("label", entry.label()));
            return array.toString();
        }

        /** The proposals as the form's table reads them: a JSON array of {number, name, blocs, proposal}. */
        public String proposalsJson() {
            ArrayNode array = JSON.createArrayNode();
            proposals.forEach(row -> array.addObject().put("number", row.number()).put("name", row.name())
                    .put("blocs", row.blocs()).put("proposal", row.proposal()));
            return array.toString();
        }
    }

    /**
     * What the jury's form submitted.
     *
     * @param chair who chairs (the user submitting)
     * @param designated the members designated: a list, or a JSON array of ids as text; null when none
     * @param present the members present, as {@code designated}
     * @param exceptions the decisions other than the proposal: a text, one line per candidate; null when none
     * @param confirmed whether the jury confirmed the other proposals
     */
    public record Submission(String chair, Object designated, Object present, Object exceptions, boolean confirmed) {
    }

    private final CertificationDecisionRepository decisions;
    private final CertificationJuryRepository juries;
    private final CertificationJuryPolicies policies;
    private final CandidateRepository candidates;
    private final JurorRepository jurors;
    private final BlocResultRepository blocResults;
    private final Clock clock;

    CertificationJuries(CertificationDecisionRepository decisions, CertificationJuryRepository juries,
            CertificationJuryPolicies policies, CandidateRepository candidates, JurorRepository jurors,
            BlocResultRepository blocResults, Clock clock) {
        this.decisions = decisions;
        this.juries = juries;
        this.policies = policies;
        this.candidates = candidates;
        this.jurors = jurors;
        this.blocResults = blocResults;
        this.clock = clock;
    }

    /**
     * What the jury reads: the règlement's rules, the jury pool (presidents first, then by name), and each candidate
     * with a proposal, with the blocs acquired earlier or validated at their latest attempt in this campaign.
     */
    public Briefing brief(long campaignId) {
        CertificationJuryPolicy policy = policies.forCampaign(campaignId);
        List<PoolEntry> pool = poolOf(campaignId).stream()
                .map(juror -> new PoolEntry(juror.getUserId(), juror.getDisplayName()
                        + (juror.isPresident() ? " — président de jury" : "")
                        + (juror.getOrganisation() == null ? "" : " (" + juror.getOrganisation() + ")")))
                .toList();
        Map<Long, CertificationDecision> byCandidate = decisions.findByCampaignIdOrderByCandidateId(campaignId).stream()
                .collect(Collectors.toMap(CertificationDecision::getCandidateId, Function.identity()));
        Map<Long, Set<String>> validated = new HashMap<>();
        for (BlocResult result : blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaignId)) {
            Set<String> blocs = validated.computeIfAbsent(result.getCandidateId(), id -> new TreeSet<>());
            // Results come by attempt: the latest decides.
            if (Decision.VALIDE.is(result.getDecision())) {
                blocs.add(result.getBlocCode());
            } else {
                blocs.remove(result.getBlocCode());
            }
        }
        List<ProposalRow> proposals = new ArrayList<>();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaignId)) {
            CertificationDecision decision = byCandidate.get(candidate.getId());
            if (decision == null) {
                continue;
            }
            Set<String> blocs = new TreeSet<>(candidate.getAcquiredBlocs().keySet());
            blocs.addAll(validated.getOrDefault(candidate.getId(), Set.of()));
            proposals.add(new ProposalRow(candidate.getNumber(), candidate.fullName(),
                    blocs.isEmpty() ? "aucun" : String.join(", ", blocs),
                    CertificationDeliberation.label(decision.getProposed())));
        }
        return new Briefing(policy.describe(), pool, proposals,
                "[Procès-verbal provisoire, décisions proposées (Excel)](/api/campaigns/" + campaignId + "/minutes)");
    }

    /**
     * The sitting once checked.
     *
     * @throws RefusedException with every problem found, in French
     */
    public CertificationDeliberation.Outcome check(long campaignId, Submission submission) {
        return check(campaignId, policies.forCampaign(campaignId), submission);
    }

    /**
     * Checks the sitting, then records the jury and every candidate's decision: the proposal, or the jury's
     * derogation with its justification.
     *
     * @throws RefusedException as {@link #check}
     * @throws IllegalStateException when the campaign's certification jury already sat
     */
    public void record(long campaignId, Submission submission) {
        CertificationJuryPolicy policy = policies.forCampaign(campaignId);
        CertificationDeliberation.Outcome outcome = check(campaignId, policy, submission);
        if (juries.findByCampaignId(campaignId).isPresent()) {
            throw new IllegalStateException("The certification jury of campaign " + campaignId + " already sat");
        }
        CertificationJury jury = juries.save(new CertificationJury(campaignId, submission.chair(), clock.instant(),
                policy, outcome.members()));
        Map<Long, String> numbers = numbers(campaignId);
        for (CertificationDecision decision : decisions.findByCampaignIdOrderByCandidateId(campaignId)) {
            CertificationDeliberation.Derogation derogation = outcome.derogations().get(numbers.get(decision.getCandidateId()));
            decision.decide(jury, derogation == null ? null : derogation.decision(),
                    derogation == null ? null : derogation.justification());
        }
    }

    private CertificationDeliberation.Outcome check(long campaignId, CertificationJuryPolicy policy, Submission submission) {
        List<CertificationDeliberation.PoolMember> pool = poolOf(campaignId).stream()
                .map(juror -> new CertificationDeliberation.PoolMember(juror.getUserId(), juror.getDisplayName(),
                        juror.getOrganisation(), juror.isPresident()))
                .toList();
        Map<Long, String> numbers = numbers(campaignId);
        Map<String, String> proposals = new LinkedHashMap<>();
        for (CertificationDecision decision : decisions.findByCampaignIdOrderByCandidateId(campaignId)) {
            proposals.put(numbers.get(decision.getCandidateId()), decision.getProposed());
        }
        CertificationDeliberation.Sitting sitting = new CertificationDeliberation.Sitting(submission.chair(),
                strings(submission.designated(), "Membres désignés du jury de certification"),
                strings(submission.present(), "Membres présents à la délibération"),
                exceptions(submission.exceptions()), submission.confirmed());
        return CertificationDeliberation.check(policy, pool, proposals, sitting);
    }

    private Map<Long, String> numbers(long campaignId) {
        return candidates.findByCampaignIdOrderByNumber(campaignId).stream()
                .collect(Collectors.toMap(Candidate::getId, Candidate::getNumber));
    }

    private List<Juror> poolOf(long campaignId) {
        return jurors.findByCampaignIdOrderByUserId(campaignId).stream()
                .sorted(Comparator.comparing(Juror::isPresident).reversed().thenComparing(Juror::getDisplayName))
                .toList();
    }

    /** A checklist's values: a JSON array of strings as Tasklist submits it (its text), or a list. */
    static List<String> strings(Object value, String field) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> values.add(String.valueOf(item)));
            return values;
        }
        JsonNode node;
        try {
            node = JSON.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new RefusedException("Le champ « " + field + " » est illisible : une liste JSON est attendue.");
        }
        if (!node.isArray()) {
            throw new RefusedException("Le champ « " + field + " » attend une liste d'identifiants.");
        }
        node.forEach(item -> values.add(item.isTextual() ? item.asText() : item.toString()));
        return values;
    }

    /** The exception list: the form's text, one line per candidate. */
    static List<CertificationDeliberation.ExceptionLine> exceptions(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new RefusedException("Le champ « Décisions différentes de la proposition » attend un texte, une ligne par candidat.");
        }
        return CertificationDeliberation.lines((String) value);
    }
}
