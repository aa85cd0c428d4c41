package fr.certiflow.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a coordinator gives to create a campaign. Optional fields take the defaults: the latest version of the
 * référentiel, every bloc, 2 jurors per production, 1 resit, a reminder 7 days before each deadline, 30 days to
 * hand in a resit.
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
        Integer resitPeriodDays) {
}
