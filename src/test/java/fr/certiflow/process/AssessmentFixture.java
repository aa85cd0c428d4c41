package fr.certiflow.process;

import fr.certiflow.production.Production;
import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.identity.Groups;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.production.RequiredContents;
import fr.certiflow.production.SubmissionService;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds campaigns, candidates and juries for process tests, and drives the engine as its users would: uploads
 * through the submission service, task forms submitted as Tasklist submits them, jobs run one by one, the clock
 * moved instead of slept.
 */
@Component
public class AssessmentFixture {

    /** The version of the règlement the demo ships (src/main/resources/regulations/mmdc-v1-r2.yaml). */
    public static final int SHIPPED_REGULATION = 2;
    public static final Instant OPENS = Instant.parse("2027-01-04T08:00:00Z");
    public static final Instant DEADLINE = Instant.parse("2027-03-01T17:00:00Z");
    public static final String ENGLISH = "This framing document describes the service we are looking for: a digital agency "
            + "able to design and run a social media campaign for our new product line. Suppliers must send their quotes "
            + "before the end of the month, with a detailed breakdown of costs, deadlines and quality commitments.";
    public static final String FRENCH = "Ce document de cadrage décrit la prestation recherchée : une agence numérique capable "
            + "de concevoir et de conduire une campagne sur les réseaux sociaux pour notre nouvelle gamme de produits. "
            + "Les prestataires doivent envoyer leurs devis avant la fin du mois, avec le détail des coûts et des délais.";

    final CampaignRepository campaigns;
    final CandidateRepository candidates;
    final JurorRepository jurors;
    final IdentityService identity;
    final RuntimeService runtime;
    final TaskService tasks;
    final FormService forms;
    final ManagementService management;
    final SubmissionService submissions;
    final TransactionTemplate transactions;
    final fr.certiflow.campaign.CampaignLauncher launcher;
    public final fr.certiflow.production.ProductionRepository productions;
    final fr.certiflow.deliberation.CertificationDecisionRepository decisions;
    final RegulationCatalog regulations;
    final fr.certiflow.production.GroupSittingRepository sittings;

    AssessmentFixture(CampaignRepository campaigns, CandidateRepository candidates, JurorRepository jurors,
            IdentityService identity, RuntimeService runtime, TaskService tasks, FormService forms,
            ManagementService management, SubmissionService submissions, TransactionTemplate transactions,
            fr.certiflow.campaign.CampaignLauncher launcher, fr.certiflow.deliberation.CertificationDecisionRepository decisions,
            fr.certiflow.production.ProductionRepository productions, RegulationCatalog regulations,
            fr.certiflow.production.GroupSittingRepository sittings) {
        this.sittings = sittings;
        this.regulations = regulations;
        this.productions = productions;
        this.launcher = launcher;
        this.decisions = decisions;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.jurors = jurors;
        this.identity = identity;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.management = management;
        this.submissions = submissions;
        this.transactions = transactions;
    }

    /** A campaign of the seed's référentiel, every bloc, every composante due at {@link #DEADLINE}, clock at opening. */
    public Campaign campaign(Consumer<Campaign> customise) {
        return campaign(regulations.find("MMDC", 1, SHIPPED_REGULATION).orElseThrow(), customise);
    }

    /** The same, run under the given règlement of the seed's référentiel. */
    public Campaign campaign(Regulation regulation, Consumer<Campaign> customise) {
        ClockUtil.setCurrentTime(Date.from(OPENS));
        Campaign campaign = new Campaign("C" + UUID.randomUUID().toString().substring(0, 8), "Session de test", "MMDC", 1,
                OPENS, OPENS);
        campaign.runUnder(regulation);
        campaign.getBlocs().addAll(List.of("BC1", "BC2", "BC3"));
        for (String component : List.of("A.1", "A.2", "A.3", "A.4", "A.5")) {
            campaign.getSubmissionDeadlines().put(component, DEADLINE);
        }
        campaign.setEvaluationDeadline(DEADLINE.plus(Duration.ofDays(30)));
        // Cohorts imported in tests not about groups: A.1 and A.3 may be passed alone (tests of groups undo it).
        campaign.allowIndividualWork(List.of("A.1", "A.3"));
        customise.accept(campaign);
        return campaigns.save(campaign);
    }

    public Candidate candidate(Campaign campaign, String number, Consumer<Candidate> customise) {
        Candidate candidate = new Candidate(campaign.getId(), number, "Nom" + number, "Prénom" + number,
                "candidat" + number + "@example.org");
        customise.accept(candidate);
        return candidates.save(candidate);
    }

    public Candidate candidate(Campaign campaign, String number) {
        return candidate(campaign, number, candidate -> { });
    }

    /**
     * jure1 (external), jure2, jure3 (English-qualified, external): enough for any composante; and the jury president
     * {@code president}, who evaluates nothing and chairs the certification jury.
     */
    public void standardJury(Campaign campaign) {
        juror(campaign, "jure1", true, false);
        juror(campaign, "jure2", false, false);
        juror(campaign, "jure3", true, true);
        president(campaign, "president");
    }

    /** A jury president of the campaign's pool, with the account and group Tasklist would know them by. */
    public Juror president(Campaign campaign, String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName("Président");
            user.setLastName(userId);
        }
        user.setPassword(userId + "-secret");
        identity.saveUser(user);
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.JURY_PRESIDENTS).count() == 0) {
            identity.createMembership(userId, Groups.JURY_PRESIDENTS);
        }
        return jurors.save(new Juror(campaign.getId(), userId, "Président " + userId, true, false, true, 10));
    }

    public Juror juror(Campaign campaign, String userId, boolean external, boolean english) {
        // Known credentials, whatever another test (a jury import, say) made of this user before.
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName("Juré");
            user.setLastName(userId);
        }
        user.setPassword(userId + "-secret");
        identity.saveUser(user);
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.JURORS).count() == 0) {
            identity.createMembership(userId, Groups.JURORS);
        }
        return jurors.save(new Juror(campaign.getId(), userId, "Juré " + userId, external, english, false, 100));
    }

    public ProcessInstance startProduction(Campaign campaign, Candidate candidate, String component) {
        return startProduction(campaign, candidate, component, 1);
    }

    public ProcessInstance startProduction(Campaign campaign, Candidate candidate, String component, int attempt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CAMPAIGN_ID, campaign.getId());
        variables.put(Variables.CAMPAIGN_CODE, campaign.getCode());
        variables.put(Variables.CANDIDATE_ID, candidate.getId());
        variables.put(Variables.CANDIDATE_NUMBER, candidate.getNumber());
        variables.put(Variables.COMPONENT_CODE, component);
        variables.put(Variables.ATTEMPT, attempt);
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.PRODUCTION_ASSESSMENT,
                ProcessKeys.productionBusinessKey(campaign.getCode(), candidate.getNumber(), component, attempt), variables);
        runJobs();
        return instance;
    }

    public ProcessInstance startBloc(Campaign campaign, Candidate candidate, String bloc) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CAMPAIGN_ID, campaign.getId());
        variables.put(Variables.CAMPAIGN_CODE, campaign.getCode());
        variables.put(Variables.CANDIDATE_ID, candidate.getId());
        variables.put(Variables.CANDIDATE_NUMBER, candidate.getNumber());
        variables.put(Variables.BLOC_CODE, bloc);
        variables.put(Variables.ATTEMPT, 1);
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.BLOC_ASSESSMENT,
                campaign.getCode() + "/" + candidate.getNumber() + "/" + bloc, variables);
        runJobs();
        return instance;
    }

    public Long productionId(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), Variables.PRODUCTION_ID)).longValue();
    }

    /** Hands in every document of the composante as text files, in English or French. */
    public SubmissionService.Upload submitAll(Long productionId, String component, String text) {
        List<String> documents = component.equals("A.5") ? List.of("framing", "quotes") : List.of("production");
        SubmissionService.Upload last = null;
        for (String document : documents) {
            last = submissions.upload(productionId, document, document + ".txt", text.getBytes(StandardCharsets.UTF_8), "coordo");
        }
        runJobs();
        return last;
    }

    /** Runs every job due now, including those the jobs create, as the job executor would. */
    public void runJobs() {
        for (int round = 0; round < 500; round++) {
            List<Job> due = management.createJobQuery().executable().withRetriesLeft().listPage(0, 50);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("Jobs keep coming after 500 rounds");
    }

    /** Moves the engine clock and runs what became due. */
    public void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        runJobs();
    }

    public Task task(ProcessInstance instance, String activityId) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
    }

    public List<Task> tasksOf(ProcessInstance instance, String activityId) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).orderByTaskAssignee().asc().list();
    }

    /** Submits a task form as Tasklist does, as the given user. */
    public void submit(Task task, String userId, Map<String, Object> values) {
        // Authenticated with the user's groups, as Tasklist's requests are: authorizations apply.
        identity.setAuthentication(userId, groupsOf(userId));
        try {
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
        runJobs();
    }

    /** The user's groups; the role users of the tests exist in name only and get their role's group. */
    List<String> groupsOf(String userId) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        if (!groups.isEmpty()) {
            return groups;
        }
        return switch (userId) {
            case "coordo" -> List.of(Groups.COORDINATORS);
            case "president" -> List.of(Groups.JURY_PRESIDENTS);
            default -> List.of(Groups.JURORS);
        };
    }

    /** Declares the production admissible, every content the référentiel requires ticked present. */
    public void admissible(ProcessInstance instance) {
        Task task = task(instance, "Task_CheckAdmissibility");
        submit(task, "coordo", Map.of("admissibility", "RECEVABLE", Variables.REQUIRED_CONTENTS_PRESENT,
                RequiredContents.allTicked(tasks.getVariableLocal(task.getId(), Variables.REQUIRED_CONTENTS_OPTIONS))));
    }

    /** How many contents the référentiel requires of each composante's production (« comprenant : … »). */
    public static final Map<String, Integer> CONTENTS = Map.of("A.1", 0, "A.2", 0, "A.3", 9, "A.4", 6, "A.5", 6);

    /** The admissibility form's values, « recevable » with every required content ticked, as the REST API takes them. */
    public static Map<String, Object> admissibleValues(String component) {
        return Map.of("admissibility", "RECEVABLE", Variables.REQUIRED_CONTENTS_PRESENT,
                java.util.stream.IntStream.rangeClosed(1, CONTENTS.get(component)).mapToObj(String::valueOf).toList());
    }

    /** What a juror's form submits when every criterion gets the given rating (comments where required). */
    public Map<String, Object> evaluation(List<String> criterionKeys, java.util.function.Function<String, String> rating) {
        Map<String, Object> values = new HashMap<>();
        for (String key : criterionKeys) {
            String value = rating.apply(key);
            values.put(key + "_rating", value);
            values.put(key + "_indicators", SpinValues.jsonValue("[\"1\"]").create());
            // The levels not acquired of the shipped règlement and of the test fixture's four-level one.
            if ("NON_ACQUIS".equals(value) || "EN_COURS".equals(value)) {
                values.put(key + "_comment", "Le critère " + key + " n'est pas démontré.");
            } else {
                values.put(key + "_remark", "Bien.");
            }
        }
        return values;
    }

    public static List<String> keys(String component, int criteria) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= criteria; i++) {
            keys.add(component.replace(".", "") + "_CR" + i);
        }
        return keys;
    }

    /** Each assigned juror evaluates: rating per juror id and criterion key. */
    public void evaluateAll(ProcessInstance instance, String component, int criteria,
            java.util.function.BiFunction<String, String, String> rating) {
        for (Task task : tasksOf(instance, "Task_EvaluateProduction")) {
            String juror = task.getAssignee();
            submit(task, juror, evaluation(keys(component, criteria), key -> rating.apply(juror, key)));
        }
    }

    /** Criteria per composante of the seed. */
    public static final Map<String, Integer> CRITERIA = Map.of("A.1", 3, "A.2", 4, "A.3", 6, "A.4", 4, "A.5", 4);

    /** The production assessments a bloc (or campaign) started and that still run. */
    public List<ProcessInstance> productionsOf(ProcessInstance parent) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .orderByProcessInstanceId().asc().list();
    }

    /**
     * Walks one production assessment to its end as its users would: submission, admissibility, oral scheduled for
     * the next day when there is one, then every juror's evaluation with the given ratings.
     */
    public void completeProduction(ProcessInstance production, java.util.function.BiFunction<String, String, String> rating) {
        String component = (String) runtime.getVariable(production.getId(), Variables.COMPONENT_CODE);
        Long productionId = productionId(production);
        if (tasks.createTaskQuery().processInstanceId(production.getId()).count() == 0
                && runtime.createExecutionQuery().processInstanceId(production.getId()).activityId("Task_AwaitSubmission").count() > 0) {
            submitAll(productionId, component, component.equals("A.5") ? ENGLISH : FRENCH);
        }
        if (task(production, "Task_CheckAdmissibility") != null) {
            admissible(production);
        }
        if (runtime.createExecutionQuery().processInstanceId(production.getId()).activityId("Task_AwaitGroupSitting").count() > 0) {
            // A member of a group: the group's sitting assesses every member at once (the first member's turn).
            ProcessInstance sitting = groupSitting(production);
            if (sitting != null) {
                completeGroupSitting(sitting, (juror, member, key) -> rating.apply(juror, key), Set.of());
            }
            return;
        }
        Task schedule = task(production, "Task_ScheduleOral");
        if (schedule != null) {
            Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
            submit(schedule, "coordo", Map.of("oralDate", oral.atZone(java.time.ZoneId.of("Europe/Paris"))
                    .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 1"));
            moveClockTo(oral.plus(Duration.ofMinutes(1)));
        }
        evaluateAll(production, component, CRITERIA.get(component), rating);
    }

    /** The running sitting of the group a member's production waits for, or null once it is over. */
    public ProcessInstance groupSitting(ProcessInstance member) {
        Production production = productions.findById(productionId(member)).orElseThrow();
        return sittings.findBySubmissionIdAndRound(production.getSubmissionId(), production.getReturnedCount())
                .map(sitting -> runtime.createProcessInstanceQuery().processInstanceId(sitting.getProcessInstanceId()).singleResult())
                .orElse(null);
    }

    /** Rating of a group sitting's juror for a member (1-based, in candidate number order) and a criterion key. */
    public interface MemberRating {
        String rate(String juror, int member, String key);
    }

    /**
     * Walks a group's sitting to its end: admissibility, the group's oral the next day, then each juror evaluates every
     * member with the given ratings, the {@code absent} members (1-based) ticked absent at the oral.
     */
    public void completeGroupSitting(ProcessInstance sitting, MemberRating rating, Set<Integer> absent) {
        if (task(sitting, "Task_CheckAdmissibility") != null) {
            admissible(sitting);
        }
        Task schedule = task(sitting, "Task_ScheduleOral");
        if (schedule != null) {
            Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
            submit(schedule, "coordo", Map.of("oralDate", oral.atZone(java.time.ZoneId.of("Europe/Paris"))
                    .toLocalDateTime().withSecond(0).withNano(0).toString(), "oralPlace", "Salle 1"));
            moveClockTo(oral.plus(Duration.ofMinutes(1)));
        }
        String component = (String) runtime.getVariable(sitting.getId(), Variables.COMPONENT_CODE);
        for (Task task : tasksOf(sitting, "Task_EvaluateGroup")) {
            submit(task, task.getAssignee(), groupEvaluation(task, component, rating, absent));
        }
        // A VAE candidate's sitting: one task per juror and composante of the bloc (member = composante, 1-based).
        List<Long> members = new ArrayList<>();
        for (Task task : tasksOf(sitting, "Task_EvaluateProduction")) {
            Long productionId = ((Number) runtime.getVariable(task.getExecutionId(), Variables.MEMBER_PRODUCTION_ID)).longValue();
            if (!members.contains(productionId)) {
                members.add(productionId);
            }
        }
        java.util.Collections.sort(members);
        for (Task task : tasksOf(sitting, "Task_EvaluateProduction")) {
            Long productionId = ((Number) runtime.getVariable(task.getExecutionId(), Variables.MEMBER_PRODUCTION_ID)).longValue();
            String code = productions.findById(productionId).orElseThrow().getComponentCode();
            int member = members.indexOf(productionId) + 1;
            submit(task, task.getAssignee(), evaluation(keys(code, CRITERIA.get(code)),
                    key -> rating.rate(task.getAssignee(), member, key)));
        }
    }

    /** What a juror's group form submits: each member's section, or the member ticked absent. */
    public Map<String, Object> groupEvaluation(Task task, String component, MemberRating rating, Set<Integer> absent) {
        int members = ((Number) tasks.getVariableLocal(task.getId(), "memberCount")).intValue();
        Map<String, Object> values = new HashMap<>();
        for (int member = 1; member <= members; member++) {
            int m = member;
            if (absent.contains(member)) {
                values.put("M" + member + "_absent", true);
                continue;
            }
            values.put("M" + member + "_absent", false);
            evaluation(keys(component, CRITERIA.get(component)), key -> rating.rate(task.getAssignee(), m, key))
                    .forEach((key, value) -> values.put("M" + m + "_" + key, value));
        }
        return values;
    }

    /** Completes every production the parent started, each with the same rating rule per composante. */
    public void completeProductions(ProcessInstance parent, java.util.function.Function<String, String> ratingByComponent) {
        for (ProcessInstance production : productionsOf(parent)) {
            String component = (String) runtime.getVariable(production.getId(), Variables.COMPONENT_CODE);
            completeProduction(production, (juror, key) -> ratingByComponent.apply(component));
        }
    }

    /** Launches the campaign as a coordinator would and runs the jobs it creates. */
    public ProcessInstance launch(Campaign campaign) {
        ProcessInstance process = launcher.launch(campaign.getId());
        runJobs();
        return process;
    }

    public List<ProcessInstance> blocsOf(ProcessInstance campaignProcess) {
        return productionsOf(campaignProcess);
    }

    /**
     * The certification jury of the standard pool (the president chairs, jure1 and jure2 sit) confirms every proposal,
     * then the minutes and results are produced.
     */
    public void finishCampaign(ProcessInstance campaignProcess) {
        submit(task(campaignProcess, "Task_CertificationJury"), "president",
                certificationJury(List.of("jure1", "jure2", "jure3"), List.of("jure1", "jure2"), List.of()));
    }

    /**
     * What the certification jury's form submits, as Tasklist does (JSON for the checklists), confirmation ticked.
     *
     * @param exceptions each a candidate number, a decision and a justification, typed as lines « ; »-separated
     */
    public static Map<String, Object> certificationJury(List<String> members, List<String> present, List<List<String>> exceptions) {
        Map<String, Object> values = new HashMap<>();
        values.put("certificationJuryMembers", json(members));
        values.put("certificationJuryPresent", json(present));
        values.put("certificationExceptions", exceptions.stream().map(line -> String.join(" ; ", line))
                .collect(java.util.stream.Collectors.joining("\n")));
        values.put("certificationConfirmed", true);
        return values;
    }

    private static Object json(List<String> ids) {
        return SpinValues.jsonValue(ids.stream().map(AssessmentFixture::quoted)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"))).create();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public String decisionOf(Campaign campaign, Candidate candidate) {
        return decisions.findByCampaignIdAndCandidateId(campaign.getId(), candidate.getId()).orElseThrow().getDecision();
    }

    public static LocalDate acquiredOn() {
        return LocalDate.of(2025, 6, 30);
    }

    public static Accommodation tiersTemps() {
        return Accommodation.TIERS_TEMPS;
    }
}
