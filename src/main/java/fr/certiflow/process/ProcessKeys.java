package fr.certiflow.process;

/** Process definition keys and message names of processes/. */
public final class ProcessKeys {

    public static final String CAMPAIGN = "CampaignProcess";
    public static final String BLOC_ASSESSMENT = "BlocAssessment";
    public static final String PRODUCTION_ASSESSMENT = "ProductionAssessment";
    public static final String MESSAGE_PRODUCTION_SUBMITTED = "ProductionSubmitted";
    public static final String ERROR_NO_ELIGIBLE_JUROR = "NO_ELIGIBLE_JUROR";

    private ProcessKeys() {
    }

    /** Business key of a production assessment: campaign/candidate/composante, with the attempt after the first. */
    public static String productionBusinessKey(String campaignCode, String candidateNumber, String componentCode, int attempt) {
        return campaignCode + "/" + candidateNumber + "/" + componentCode + (attempt > 1 ? "#" + attempt : "");
    }
}
