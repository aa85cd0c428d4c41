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
    /** On the oral scheduling task: what the règlement's accommodations give its tiers-temps candidates at the oral. */
    public static final String ORAL_ACCOMMODATIONS = "oralAccommodations";
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

    public static final String CERTIFICATION_SUMMARY = "certificationSummary";
    /** Start form fields (Tasklist) of a campaign created from the process itself. */
    public static final String NEW_CAMPAIGN_CODE = "newCampaignCode";
    public static final String NEW_CAMPAIGN_NAME = "newCampaignName";
    public static final String NEW_CAMPAIGN_REFERENTIAL = "referentialCode";
    public static final String NEW_CAMPAIGN_OPENS = "opensOn";
    public static final String NEW_CAMPAIGN_SUBMISSION_DEADLINE = "submissionDeadlineOn";
    public static final String NEW_CAMPAIGN_EVALUATION_DEADLINE = "evaluationDeadlineOn";
    public static final String NEW_CAMPAIGN_DELIBERATION = "deliberationOn";
    /** The collective composantes a candidate may pass without a group, typed as the console takes them. */
    public static final String NEW_CAMPAIGN_INDIVIDUAL_WORK = "individualWorkAllowed";
    public static final String NEW_CAMPAIGN_REMINDER_DAYS = "reminderDays";
    /** The prepare-cohort form's confirmation that the cohort is complete. */
    public static final String COHORT_READY = "cohortReady";

    public static final String EVALUATIONS_SIDE_BY_SIDE = "evaluationsSideBySide";
    public static final String HARMONISATION_COMMENT = "harmonisationComment";

    public static final String ACQUIRED_PERCENT = "acquiredPercent";
    public static final String MINIMUM_ACQUIRED_PERCENT = "minimumAcquiredPercent";
    public static final String REQUIRED_CRITERIA_ACQUIRED = "requiredCriteriaAcquired";

    public static final String MEMBER_COUNT = "memberCount";

    public static final String GRID_LINK = "gridLink";
    /** What the coordinator found missing at admissibility, and why the production was admitted all the same. */
    public static final String ADMISSIBILITY_NOTE = "admissibilityNote";
    /** Set on the task by the grid upload: the evaluation came from the Excel grid, not the form. */
    public static final String EVALUATION_CHANNEL = "evaluationChannel";
    /** On a VAE candidate's evaluation task: the form shows the route and the dossier in place of the production. */
    public static final String VAE_ROUTE = "vaeRoute";
    public static final String VAE_MODALITY = "vaeModality";

    /** The checklist's options (task-local, a JSON list of label/value, read by the form's valuesKey). */
    public static final String REQUIRED_CONTENTS_OPTIONS = "requiredContentsOptions";
    /** The ranks of the items the coordinator found present (the checklist's value). */
    public static final String REQUIRED_CONTENTS_PRESENT = "requiredContentsPresent";
    /** The coordinator's written reason for declaring admissible a production that misses items. */
    public static final String ADMISSIBLE_DESPITE_MISSING = "admissibleDespiteMissing";

    public static final String ORAL_DATE = "oralDate";
    public static final String ORAL_PLACE = "oralPlace";

    /** The form's fields. */
    public static final String CERTIFICATION_JURY_MEMBERS = "certificationJuryMembers";
    public static final String CERTIFICATION_JURY_PRESENT = "certificationJuryPresent";
    public static final String CERTIFICATION_EXCEPTIONS = "certificationExceptions";
    public static final String CERTIFICATION_CONFIRMED = "certificationConfirmed";
    /** What the form shows, set on the task as it is created. */
    public static final String CERTIFICATION_JURY_POOL = "certificationJuryPool";
    public static final String CERTIFICATION_PROPOSALS = "certificationProposals";
    public static final String CERTIFICATION_JURY_RULES = "certificationJuryRules";
    public static final String MINUTES_LINK = "minutesLink";

    public static final String PROPOSED_RESULT = "proposedResult";
    public static final String VALIDATED_COUNT = "validatedCount";
    public static final String ABSENT_COUNT = "absentCount";
    public static final String COMPONENTS_COUNT = "componentsCount";
    /** The validated composantes the règlement requires of this bloc ({@code bloc.minimumValidatedComponents}). */
    public static final String MINIMUM_VALIDATED_COMPONENTS = "minimumValidatedComponents";
    public static final String BLOC_SUMMARY = "blocSummary";
    /** How the règlement decides a bloc, for the president's deliberation (« validé avec toutes ses composantes … »). */
    public static final String BLOC_RULE = "blocRule";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    /** What an adjournment means for this bloc, as the règlement says, for the president's deliberation. */
    public static final String RESIT_RULE = "resitRule";
    /** The inputs of the decision table CertificationResult. */
    public static final String ACQUIRED_BLOCS_COUNT = "acquiredBlocsCount";
    public static final String BLOCS_COUNT = "blocsCount";
    /** The acquired blocs the règlement requires ({@code certification.minimumAcquiredBlocs}). */
    public static final String MINIMUM_ACQUIRED_BLOCS = "minimumAcquiredBlocs";

    public static final String BLOC_DECISION = "blocDecision";
    public static final String JUSTIFICATION = "justification";

    /** The form field: juror user ids separated by commas, spaces or semicolons. */
    public static final String JUROR_IDS = "jurorIds";
    /** The form field: why the designated jury may set rules aside. */
    public static final String DEROGATION_REASON = "derogationReason";
    /** Shown by the form: the rules that apply, and the pool with each juror's objections. */
    public static final String JURY_RULES = "juryRules";

    private Variables() {
    }
}
