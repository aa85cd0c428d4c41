package fr.certiflow.process;

/** Process definition keys, message names, error codes and decision keys of processes/. */
public final class ProcessKeys {

    public static final String CAMPAIGN = "CampaignProcess";
    public static final String BLOC_ASSESSMENT = "BlocAssessment";
    public static final String PRODUCTION_ASSESSMENT = "ProductionAssessment";
    public static final String GROUP_ASSESSMENT = "GroupAssessment";
    public static final String MESSAGE_PRODUCTION_SUBMITTED = "ProductionSubmitted";
    /** Correlated by a group's sitting to each member's production process once the group is assessed (or returned). */
    public static final String MESSAGE_GROUP_SITTING_DONE = "GroupSittingDone";
    private static final String GROUP_PREFIX = "group:";
    private static final String VAE_PREFIX = "vae:";
    public static final String ERROR_NO_ELIGIBLE_JUROR = "NO_ELIGIBLE_JUROR";
    /** Decision keys of the tables in processes/*.dmn. */
    public static final String DECISION_COMPONENT_RESULT = "ComponentResult";
    public static final String DECISION_BLOC_RESULT = "BlocResult";
    public static final String DECISION_CERTIFICATION_RESULT = "CertificationResult";

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

    /**
     * Business key of a VAE candidate's sitting on a bloc: vae:campaign/candidate/bloc, with the attempt and the round
     * after the first. One admissibility, one jury and one interview for the composantes of the bloc.
     */
    public static String vaeBusinessKey(String campaignCode, String candidateNumber, String blocCode, int attempt, int round) {
        return VAE_PREFIX + campaignCode + "/" + candidateNumber + "/" + blocCode + (attempt > 1 ? "#" + attempt : "")
                + (round > 0 ? "~" + round : "");
    }

    /** Whether the key is a sitting's (« Évaluation d'une production partagée »): a group's or a VAE candidate's bloc. */
    public static boolean isGroupSitting(String businessKey) {
        return businessKey != null && (businessKey.startsWith(GROUP_PREFIX) || businessKey.startsWith(VAE_PREFIX));
    }

    /** Whether the key is a VAE candidate's sitting on a bloc. */
    public static boolean isVaeSitting(String businessKey) {
        return businessKey != null && businessKey.startsWith(VAE_PREFIX);
    }
}
