package fr.certiflow.process;

/** Process definition keys and message names of processes/. */
public final class ProcessKeys {

    public static final String CAMPAIGN = "CampaignProcess";
    public static final String BLOC_ASSESSMENT = "BlocAssessment";
    public static final String PRODUCTION_ASSESSMENT = "ProductionAssessment";
    public static final String GROUP_ASSESSMENT = "GroupAssessment";
    public static final String MESSAGE_PRODUCTION_SUBMITTED = "ProductionSubmitted";
    /** Correlated by a group's sitting to each member's production process once the group is assessed (or returned). */
    public static final String MESSAGE_GROUP_SITTING_DONE = "GroupSittingDone";
    private static final String GROUP_PREFIX = "group:";
    public static final String ERROR_NO_ELIGIBLE_JUROR = "NO_ELIGIBLE_JUROR";

    private ProcessKeys() {
    }

    /** Business key of a production assessment: campaign/candidate/composante, with the attempt after the first. */
    public static String productionBusinessKey(String campaignCode, String candidateNumber, String componentCode, int attempt) {
        return campaignCode + "/" + candidateNumber + "/" + componentCode + (attempt > 1 ? "#" + attempt : "");
    }

    /** Business key of a group's sitting: group:campaign/group/composante, with the attempt and the round after the first. */
    public static String groupBusinessKey(String campaignCode, String groupCode, String componentCode, int attempt, int round) {
        return GROUP_PREFIX + campaignCode + "/" + groupCode + "/" + componentCode + (attempt > 1 ? "#" + attempt : "")
                + (round > 0 ? "~" + round : "");
    }

    public static boolean isGroupSitting(String businessKey) {
        return businessKey != null && businessKey.startsWith(GROUP_PREFIX);
    }
}
