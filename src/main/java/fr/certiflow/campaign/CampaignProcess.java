package fr.certiflow.campaign;

import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.Variables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Objects;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Glue of the campaign process: the bloc assessments to start (every candidate × every assessed bloc not acquired
 * earlier), the proposed certification decisions, the minutes and the results.
 */
@Component("campaignProcess")
public class CampaignProcess {


    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final Certifications certifications;
    private final Notifier notifier;
    private final CampaignService campaignService;

    CampaignProcess(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials,
            Certifications certifications, Notifier notifier, CampaignService campaignService) {
        this.campaignService = campaignService;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.certifications = certifications;
        this.notifier = notifier;
    }

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The start form's dates, as its date fields send them; a day that does not exist (31 February) is refused. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /**
     * Creates the campaign a coordinator described in the start form: every composante due on the same day (the API
     * takes one deadline per composante). A problem rolls the start back, with its message shown in Tasklist.
     */
    public void create(DelegateExecution execution) {
        Instant opens = day(execution, Variables.NEW_CAMPAIGN_OPENS, LocalTime.MIDNIGHT);
        Instant deadline = day(execution, Variables.NEW_CAMPAIGN_SUBMISSION_DEADLINE, LocalTime.of(23, 59));
        String referentialCode = Objects.toString(execution.getVariable(Variables.NEW_CAMPAIGN_REFERENTIAL), "").strip();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        if (deadline != null && !referentialCode.isEmpty()) {
            referentials.latest(referentialCode).ifPresent(tree -> tree.components()
                    .forEach(component -> deadlines.put(component.code(), deadline)));
        }
        CampaignRequest request = new CampaignRequest(
                ProcessVariables.of(execution).string(Variables.NEW_CAMPAIGN_CODE).orElse(null), ProcessVariables.of(execution).string(Variables.NEW_CAMPAIGN_NAME).orElse(null),
                referentialCode.isEmpty() ? null : referentialCode, null, null, opens, deadlines,
                day(execution, Variables.NEW_CAMPAIGN_EVALUATION_DEADLINE, LocalTime.of(23, 59)), day(execution, Variables.NEW_CAMPAIGN_DELIBERATION, LocalTime.of(9, 0)),
                null, null, number(execution, Variables.NEW_CAMPAIGN_REMINDER_DAYS), null, null, codes(execution, Variables.NEW_CAMPAIGN_INDIVIDUAL_WORK));
        Campaign campaign = EngineErrors.forForm("La campagne ne peut pas être créée", () -> campaignService.create(request));
        campaign.runBy(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(campaign.getCode());
        execution.setVariable(Variables.CAMPAIGN_ID, campaign.getId());
        execution.setVariable(Variables.CAMPAIGN_CODE, campaign.getCode());
        execution.setVariable(Variables.CAMPAIGN_NAME, campaign.getName());
    }

    /**
     * A campaign launched through Certiflow's API: its checks were made (cohort, jury, a draft launched once), and the
     * campaign becomes this instance's. Any other start naming a campaign is refused, and nothing of it is kept: a
     * campaign still a draft, or one another instance already runs.
     */
    public void bind(DelegateExecution execution) {
        Object id = execution.getVariable(Variables.CAMPAIGN_ID);
        Campaign campaign = id instanceof Number number ? campaigns.findById(number.longValue()).orElse(null) : null;
        if (campaign == null) {
            throw new ProcessException("Aucune campagne n° " + id + ".");
        }
        if (campaign.getStatus() != CampaignStatus.LAUNCHED) {
            throw new ProcessException("La campagne " + campaign.getCode() + " n'a pas été lancée par Certiflow : lancez-la "
                    + "depuis Certiflow, qui vérifie sa cohorte et son jury.");
        }
        if (campaign.getProcessInstanceId() != null) {
            throw new ProcessException("La campagne " + campaign.getCode() + " est déjà en cours : elle ne se lance qu'une fois.");
        }
        campaign.runBy(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(campaign.getCode());
        execution.setVariable(Variables.CAMPAIGN_CODE, campaign.getCode());
        execution.setVariable(Variables.CAMPAIGN_NAME, campaign.getName());
    }

    private static Instant day(DelegateExecution execution, String name, LocalTime time) {
        Object value = execution.getVariable(name);
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.strip(), DAY).atTime(time).atZone(PARIS).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProcessException("Date illisible : « " + text + " » (attendu AAAA-MM-JJ, une date qui existe).");
            }
        }
        return null;
    }

    /** Codes separated by commas, semicolons or spaces; none when the field is empty. */
    private static List<String> codes(DelegateExecution execution, String name) {
        List<String> codes = java.util.Arrays.stream(Objects.toString(execution.getVariable(name), "").split("[,; ]+"))
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
        return codes.isEmpty() ? null : codes;
    }

    private static Integer number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number number ? number.intValue() : null;
    }

    /** "candidateId|candidateNumber|blocCode" for each bloc assessment to start, in a stable order. */
    public List<String> blocAssessments(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        Referential referential = referentials.of(campaign);
        List<String> assessments = new ArrayList<>();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaign.getId())) {
            for (Bloc bloc : referential.blocs()) {
                if (campaign.assesses(candidate, bloc.code(), referentials.regulation(campaign).bloc())) {
                    assessments.add(candidate.getId() + "|" + candidate.getNumber() + "|" + bloc.code());
                }
            }
        }
        return assessments;
    }

    public Long candidateId(String assessment) {
        return Long.valueOf(assessment.split("\\|", 3)[0]);
    }

    public String candidateNumber(String assessment) {
        return assessment.split("\\|", 3)[1];
    }

    public String blocCode(String assessment) {
        return assessment.split("\\|", 3)[2];
    }

    public String blocBusinessKey(DelegateExecution execution, String assessment) {
        return execution.getVariable(Variables.CAMPAIGN_CODE) + "/" + candidateNumber(assessment) + "/" + blocCode(assessment);
    }

    /**
     * Proposes each candidate's certification decision (kept by the deliberation: {@link Certifications}); the jury's
     * task lists them; the process keeps only the counts.
     */
    public void proposeCertification(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        List<Candidate> cohort = candidates.findByCampaignIdOrderByNumber(campaign.getId());
        int awarded = certifications.propose(campaign, cohort);
        execution.setVariable(Variables.CERTIFICATION_SUMMARY, "Proposition : certification délivrée à **" + awarded + "** candidat(s) sur "
                + cohort.size() + ".");
    }

    public void drawUpMinutes(DelegateExecution execution) {
        campaign(execution).close();
    }

    /** Results reach every candidate once. */
    public void publishResults(DelegateExecution execution) {
        Campaign campaign = campaign(execution);
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaign.getId())) {
            certifications.decision(campaign.getId(), candidate.getId()).ifPresent(decision ->
                    notifier.queue(MailTemplates.RESULT, candidate.getEmail(), Map.of(
                                    "candidat", candidate.fullName(),
                                    "campagne", campaign.getName(),
                                    "decision", decision.label(),
                                    "suite", decision.awarded()
                                            ? "aucune démarche n'est nécessaire ; le certificateur vous fera parvenir votre parchemin."
                                            : "prenez contact avec le coordinateur de la session pour connaître les blocs à repasser et les prochaines sessions."),
                            null, "result:" + campaign.getId() + ":" + candidate.getId()));
        }
        campaign.publishResults();
    }

    private Campaign campaign(DelegateExecution execution) {
        return campaigns.findById(ProcessVariables.of(execution).campaignId()).orElseThrow();
    }
}
