package fr.certiflow.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a coordinator gives to create a campaign. Optional fields take the defaults: the latest version of the
 * référentiel and of its règlement, every bloc, a reminder 7 days before each deadline. The jurors per production,
 * the resits and the time to hand in a resit are the règlement's: a request that sets them is refused.
 * {@code individualWorkAllowed} lists the collective composantes (« Travail collectif ») a candidate may be assessed on
 * without a group (absent: none).
 */
public record CampaignRequest(
        String code,
        String name,
        String referentialCode,
        Integer referentialVersion,
        List<String> blocs,
        Instant opensAt,
        Map<String, Instant> submissionDeadlines,
        Instant evaluationDeadline,
        Instant deliberationDate,
        Integer jurorsPerProduction,
        Integer resitAttempts,
        Integer reminderDays,
        Integer resitPeriodDays,
        Integer regulationVersion,
        List<String> individualWorkAllowed) {
}
