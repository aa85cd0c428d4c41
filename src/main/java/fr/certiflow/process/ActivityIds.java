package fr.certiflow.process;

/**
 * The ids of the BPMN activities (processes/*.bpmn) that Java refers to: task listeners name the user tasks they serve,
 * queries and Tasklist filters find tasks by them. {@code ProcessVocabularyTests} checks that each one exists in a BPMN.
 */
public final class ActivityIds {

    /** campaign.bpmn: the coordinator prepares the cohort. */
    public static final String PREPARE_COHORT = "Task_PrepareCohort";
    /** campaign.bpmn: the certification jury decides on the proposals. */
    public static final String CERTIFICATION_JURY = "Task_CertificationJury";
    /** bloc-assessment.bpmn: the bloc jury deliberates. */
    public static final String DELIBERATE_BLOC = "Task_DeliberateBloc";
    /** production-assessment.bpmn: the candidate's production is awaited until the submission deadline. */
    public static final String AWAIT_SUBMISSION = "Task_AwaitSubmission";
    /** production-assessment.bpmn and group-assessment.bpmn. */
    public static final String CHECK_ADMISSIBILITY = "Task_CheckAdmissibility";
    /** production-assessment.bpmn and group-assessment.bpmn. */
    public static final String ASSIGN_JURY_MANUALLY = "Task_AssignJuryManually";
    /** production-assessment.bpmn and group-assessment.bpmn. */
    public static final String SCHEDULE_ORAL = "Task_ScheduleOral";
    /** production-assessment.bpmn and group-assessment.bpmn (a VAE sitting's members). */
    public static final String EVALUATE_PRODUCTION = "Task_EvaluateProduction";
    /** group-assessment.bpmn: one form for all the members of a group. */
    public static final String EVALUATE_GROUP = "Task_EvaluateGroup";
    /** production-assessment.bpmn and group-assessment.bpmn. */
    public static final String HARMONISE = "Task_Harmonise";

    private ActivityIds() {
    }
}
