package fr.certiflow.process;

/** Names of the process variables Certiflow's processes share: small, typed values and ids of Certiflow's rows. */
public final class Variables {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN_CODE = "campaignCode";
    /** Names the campaign on every instance, for Cockpit filters. */
    public static final String CAMPAIGN_NAME = "campaignName";
    public static final String CANDIDATE_ID = "candidateId";
    public static final String CANDIDATE_NUMBER = "candidateNumber";
    /** What task names show of the candidate: the number for written productions, the name for orals. */
    public static final String CANDIDATE_LABEL = "candidateLabel";
    public static final String BLOC_CODE = "blocCode";
    public static final String COMPONENT_CODE = "componentCode";
    public static final String COMPONENT_LABEL = "componentLabel";
    public static final String ATTEMPT = "attempt";
    public static final String PRODUCTION_ID = "productionId";
    public static final String SUBMISSION_DEADLINE = "submissionDeadline";
    public static final String REMINDER_AT = "reminderAt";
    public static final String ENGLISH_REQUIRED = "englishRequired";
    public static final String ORAL = "oral";
    /** How the candidate is assessed, as shown to people: « VAE — dossier de validation et entretien (Règlement …) ». */
    public static final String ROUTE = "route";
    public static final String ORAL_AT = "oralAt";
    public static final String EVALUATION_FORM_ID = "evaluationFormId";
    public static final String HARMONISATION_FORM_ID = "harmonisationFormId";
    public static final String EVALUATION_DUE = "evaluationDue";
    public static final String ADMISSIBILITY = "admissibility";
    public static final String RETURN_REASON = "returnReason";
    public static final String LANGUAGE_CHECK_SUMMARY = "languageCheckSummary";
    public static final String DOCUMENTS_SUMMARY = "documentsSummary";
    /** The address of the production's page in the coordinator's console (task-local, shown by the admissibility form). */
    public static final String PRODUCTION_CONSOLE = "productionConsole";
    public static final String JURORS_AGREE = "jurorsAgree";
    public static final String COMPONENT_RESULT = "componentResult";
    public static final String JUROR = "juror";
    /** Whether a member's production is assessed at its group's sitting (collective composante, first attempt). */
    public static final String GROUP_SITTING = "groupSitting";
    /** What the group's sitting says of a member: ASSESSED, ABSENT (at the oral) or RETURNED (to the group). */
    public static final String GROUP_OUTCOME = "groupOutcome";
    /** The member's production a group sitting's multi-instance step works on (an element variable, never a user's). */
    public static final String MEMBER_PRODUCTION_ID = "memberProductionId";
    /** The members' productions of a group sitting, in candidate number order. */
    public static final String MEMBERS = "members";
    public static final String MEMBERS_TO_HARMONISE = "membersToHarmonise";
    public static final String GROUP_CODE = "groupCode";
    /** Whether a sitting is a VAE candidate's on a bloc (its members are the bloc's composantes), not a group's. */
    public static final String VAE_SITTING = "vaeSitting";

    private Variables() {
    }
}
