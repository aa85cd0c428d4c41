package fr.certiflow.deliberation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.Decision;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
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
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The campaign's certification jury: a jury president of the campaign's jury pool chairs it, designates its members
 * from the pool and says who is present; the jury confirms every proposed decision at once and lists the candidates
 * it decides otherwise for, each with a written justification (see {@link CertificationDeliberation} for the rules).
 * Checked as the form is submitted; on completion the jury and every candidate's decision are recorded.
 */
@Component("certificationJuryTaskListener")
public class CertificationJuryTaskListener implements TaskListener, SubmissionCheck {


    private static final ObjectMapper JSON = new ObjectMapper();

    private final CertificationDecisionRepository decisions;
    private final CertificationJuryRepository juries;
    private final CertificationJuryPolicies policies;
    private final CandidateRepository candidates;
    private final JurorRepository jurors;
    private final BlocResultRepository blocResults;
    private final Clock clock;

    CertificationJuryTaskListener(CertificationDecisionRepository decisions, CertificationJuryRepository juries,
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

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.CERTIFICATION_JURY);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            EngineErrors.forForm(() -> record(task));
        }
    }

    @Override
    public void check(DelegateTask task) {
        sitting(task);
    }

    /** What the jury reads: the règlement's rules, the jury pool to choose from, each candidate's proposed decision. */
    private void created(DelegateTask task) {
        Long campaignId = campaignId(task);
        CertificationJuryPolicy policy = policies.forCampaign(campaignId);
        task.setVariableLocal(Variables.CERTIFICATION_JURY_RULES, policy.describe());
        ArrayNode pool = JSON.createArrayNode();
        for (Juror juror : poolOf(campaignId)) {
            pool.addObject().put("value", juror.getUserId()).put("label", juror.getDisplayName()
                    + (juror.isPresident() ? " — président de jury" : "")
                    + (juror.getOrganisation() == null ? "" : " (" + juror.getOrganisation() + ")"));
        }
        task.setVariableLocal(Variables.CERTIFICATION_JURY_POOL, SpinValues.jsonValue(pool.toString()).create());
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
        ArrayNode proposals = JSON.createArrayNode();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaignId)) {
            CertificationDecision decision = byCandidate.get(candidate.getId());
            if (decision == null) {
                continue;
            }
            Set<String> blocs = new TreeSet<>(candidate.getAcquiredBlocs().keySet());
            blocs.addAll(validated.getOrDefault(candidate.getId(), Set.of()));
            proposals.addObject().put("number", candidate.getNumber()).put("name", candidate.fullName())
                    .put("blocs", blocs.isEmpty() ? "aucun" : String.join(", ", blocs))
                    .put("proposal", CertificationDeliberation.label(decision.getProposed()));
        }
        task.setVariableLocal(Variables.CERTIFICATION_PROPOSALS, SpinValues.jsonValue(proposals.toString()).create());
        task.setVariableLocal(Variables.MINUTES_LINK, "[Procès-verbal provisoire, décisions proposées (Excel)](/api/campaigns/"
                + campaignId + "/minutes)");
    }

    private void record(DelegateTask task) {
        Checked checked = sitting(task);
        Long campaignId = checked.campaignId();
        if (juries.findByCampaignId(campaignId).isPresent()) {
            throw new IllegalStateException("The certification jury of campaign " + campaignId + " already sat");
        }
        CertificationDeliberation.Outcome outcome = checked.outcome();
        CertificationJury jury = juries.save(new CertificationJury(campaignId, checked.chair(), clock.instant(),
                checked.policy(), outcome.members()));
        Map<Long, String> numbers = candidates.findByCampaignIdOrderByNumber(campaignId).stream()
                .collect(Collectors.toMap(Candidate::getId, Candidate::getNumber));
        for (CertificationDecision decision : decisions.findByCampaignIdOrderByCandidateId(campaignId)) {
            CertificationDeliberation.Derogation derogation = outcome.derogations().get(numbers.get(decision.getCandidateId()));
            decision.decide(jury, derogation == null ? null : derogation.decision(),
                    derogation == null ? null : derogation.justification());
        }
    }

    private record Checked(Long campaignId, String chair, CertificationJuryPolicy policy, CertificationDeliberation.Outcome outcome) {
    }

    /** The submitted sitting, from the task's own variables, once checked. */
    private Checked sitting(DelegateTask task) {
        String chair = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury préside le jury de certification et enregistre ses décisions.");
        Long campaignId = campaignId(task);
        CertificationJuryPolicy policy = policies.forCampaign(campaignId);
        List<CertificationDeliberation.PoolMember> pool = poolOf(campaignId).stream()
                .map(juror -> new CertificationDeliberation.PoolMember(juror.getUserId(), juror.getDisplayName(),
                        juror.getOrganisation(), juror.isPresident()))
                .toList();
        Map<Long, String> numbers = candidates.findByCampaignIdOrderByNumber(campaignId).stream()
                .collect(Collectors.toMap(Candidate::getId, Candidate::getNumber));
        Map<String, String> proposals = new LinkedHashMap<>();
        for (CertificationDecision decision : decisions.findByCampaignIdOrderByCandidateId(campaignId)) {
            proposals.put(numbers.get(decision.getCandidateId()), decision.getProposed());
        }
        CertificationDeliberation.Sitting sitting = new CertificationDeliberation.Sitting(chair,
                strings(task.getVariableLocal(Variables.CERTIFICATION_JURY_MEMBERS), "Membres désignés du jury de certification"),
                strings(task.getVariableLocal(Variables.CERTIFICATION_JURY_PRESENT), "Membres présents à la délibération"),
                exceptions(task.getVariableLocal(Variables.CERTIFICATION_EXCEPTIONS)), Boolean.TRUE.equals(task.getVariableLocal(Variables.CERTIFICATION_CONFIRMED)));
        return new Checked(campaignId, chair, policy, CertificationDeliberation.check(policy, pool, proposals, sitting));
    }

    private List<Juror> poolOf(Long campaignId) {
        return jurors.findByCampaignIdOrderByUserId(campaignId).stream()
                .sorted(Comparator.comparing(Juror::isPresident).reversed().thenComparing(Juror::getDisplayName))
                .toList();
    }

    private static Long campaignId(DelegateTask task) {
        return ProcessVariables.of(task).campaignId();
    }

    /** A checklist's values: a JSON array of strings as Tasklist submits it, or a list. */
    static List<String> strings(Object value, String field) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> values.add(String.valueOf(item)));
            return values;
        }
        JsonNode node = json(value, field);
        if (!node.isArray()) {
            throw new ProcessException("Le champ « " + field + " » attend une liste d'identifiants.");
        }
        node.forEach(item -> values.add(item.isTextual() ? item.asText() : item.toString()));
        return values;
    }

    /** The exception list: the form's text, one line per candidate. */
    static List<CertificationDeliberation.ExceptionLine> exceptions(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new ProcessException("Le champ « Décisions différentes de la proposition » attend un texte, une ligne par candidat.");
        }
        return CertificationDeliberation.lines((String) value);
    }

    private static JsonNode json(Object value, String field) {
        String text = value instanceof SpinJsonNode spin ? spin.toString() : value.toString();
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProcessException("Le champ « " + field + " » est illisible : une liste JSON est attendue.");
        }
    }
}
