package fr.certiflow.campaign;

import fr.certiflow.errors.DomainException;
import fr.certiflow.errors.RefusedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * How a campaign process starts: with a campaign a coordinator describes in the start form (created here), or with a
 * campaign launched through Certiflow's API (bound here). Either way the campaign becomes the process instance's.
 * Engine-free: {@link CampaignProcess} is its glue, and shows a refusal in Tasklist.
 */
@Service
public class CampaignStarts {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The start form's dates, as its date fields send them; a day that does not exist (31 February) is refused. */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;
    private final CampaignService campaignService;

    CampaignStarts(CampaignRepository campaigns, CampaignReferentials referentials, CampaignService campaignService) {
        this.campaigns = campaigns;
        this.referentials = referentials;
        this.campaignService = campaignService;
    }

    /**
     * The start form's values as submitted. A date field gives a {@link Date}, or its text (AAAA-MM-JJ), or nothing.
     *
     * @param referential the référentiel's code (any value; its text is taken)
     * @param reminderDays a number, or nothing
     * @param individualWork codes of the composantes open to individual work, separated by commas, semicolons or spaces
     */
    public record StartForm(String code, String name, Object referential, Object opensOn, Object submissionDeadlineOn,
            Object evaluationDeadlineOn, Object deliberationOn, Object reminderDays, Object individualWork) {
    }

    /** The campaign the process runs, as its variables name it. */
    public record Started(Long id, String code, String name) {

        static Started of(Campaign campaign) {
            return new Started(campaign.getId(), campaign.getCode(), campaign.getName());
        }
    }

    /**
     * Creates the campaign the coordinator described, every composante due on the same day (the API takes one deadline
     * per composante), run by the process instance.
     *
     * @throws RefusedException an unreadable date, or the campaign refused (« La campagne ne peut pas être créée : … »)
     */
    public Started create(StartForm form, String processInstanceId) {
        CampaignRequest request = request(form);
        Campaign campaign;
        try {
            campaign = campaignService.create(request);
        } catch (DomainException e) {
            throw new RefusedException(RefusedException.Reason.INVALID, null, "La campagne ne peut pas être créée : "
                    + (e.reasons().isEmpty() ? e.getMessage() : String.join(" ; ", e.reasons())), List.of());
        }
        campaign.runBy(processInstanceId);
        return Started.of(campaign);
    }

    /** What the start form asks of {@link CampaignService#create}. */
    CampaignRequest request(StartForm form) {
        Instant opens = day(form.opensOn(), LocalTime.MIDNIGHT);
        Instant deadline = day(form.submissionDeadlineOn(), LocalTime.of(23, 59));
        String referentialCode = Objects.toString(form.referential(), "").strip();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        if (deadline != null && !referentialCode.isEmpty()) {
            referentials.latest(referentialCode).ifPresent(tree -> tree.components()
                    .forEach(component -> deadlines.put(component.code(), deadline)));
        }
        return new CampaignRequest(form.code(), form.name(), referentialCode.isEmpty() ? null : referentialCode, null, null,
                opens, deadlines, day(form.evaluationDeadlineOn(), LocalTime.of(23, 59)),
                day(form.deliberationOn(), LocalTime.of(9, 0)), null, null,
                form.reminderDays() instanceof Number number ? number.intValue() : null, null, null,
                codes(form.individualWork()));
    }

    /**
     * Binds a campaign launched through Certiflow's API (its checks made: cohort, jury, a draft launched once) to the
     * process instance. Any other campaign is refused: none of that id, one still a draft, or one another instance
     * already runs.
     *
     * @param campaignId the start's campaign id, as given
     */
    public Started bind(Object campaignId, String processInstanceId) {
        Campaign campaign = campaignId instanceof Number number ? campaigns.findById(number.longValue()).orElse(null) : null;
        if (campaign == null) {
            throw new RefusedException("Aucune campagne n° " + campaignId + ".");
        }
        if (campaign.getStatus() != CampaignStatus.LAUNCHED) {
            throw new RefusedException("La campagne " + campaign.getCode() + " n'a pas été lancée par Certiflow : lancez-la "
                    + "depuis Certiflow, qui vérifie sa cohorte et son jury.");
        }
        if (campaign.getProcessInstanceId() != null) {
            throw new RefusedException("La campagne " + campaign.getCode() + " est déjà en cours : elle ne se lance qu'une fois.");
        }
        campaign.runBy(processInstanceId);
        return Started.of(campaign);
    }

    /** A date field's value at the given time of day in Paris; null when empty. */
    static Instant day(Object value, LocalTime time) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.strip(), DAY).atTime(time).atZone(PARIS).toInstant();
            } catch (DateTimeParseException e) {
                throw new RefusedException("Date illisible : « " + text + " » (attendu AAAA-MM-JJ, une date qui existe).");
            }
        }
        return null;
    }

    /** Codes separated by commas, semicolons or spaces; null when there is none. */
    static List<String> codes(Object value) {
        List<String> codes = Arrays.stream(Objects.toString(value, "").split("[,; ]+"))
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
        return codes.isEmpty() ? null : codes;
    }
}
