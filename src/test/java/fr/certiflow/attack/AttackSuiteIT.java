package fr.certiflow.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.PostgresServer;
import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import fr.certiflow.packaged.EngineDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The attack suite: Certiflow as operators deploy it (the packaged jar, on PostgreSQL), a session in progress with every
 * kind of user task open ({@link AttackScenario}), and every role trying every state-changing call that Certiflow's API,
 * Tasklist, Cockpit and Admin offer on it. Each attempt must be refused with the expected status, and the whole record
 * ({@link RecordSnapshot}) read back afterwards must be exactly what it was. Then each task's rightful user does the
 * same work properly, which must succeed: the refusals were not those of a broken session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackSuiteIT {

    static final String ANONYMOUS = "anonymous";
    static final String ADMIN = "admin";
    static final String COORDINATOR = AttackScenario.COORDINATOR;
    static final String MANAGER = AttackScenario.MANAGER;
    static final String PRESIDENT = AttackScenario.PRESIDENT;

    /**
     * What the coordinator submits for MANUAL's A.4: its pool's only juror, who is no external professional, so the jury
     * breaks two rules of the règlement and needs a written reason.
     */
    static final Map<String, Object> MANUAL_DESIGNATION = Map.of("jurorIds", "jure.a2",
            "derogationReason", "Seul juré du jury de cette session : désigné par dérogation, faute d'autre juré.");

    CertiflowNode node;
    EngineDatabase db;
    RecordSnapshot record;
    AttackScenario scenario;
    /** The designated juror whose evaluation of C001's A.4 is attacked, the other juror of that jury, one of neither. */
    String juror;
    String coJuror;
    String outsider;
    /** A mail parked as failed, which only a coordinator (or an administrator) sends again; one already sent. */
    long parkedMail;
    long sentMail;

    @BeforeAll
    void startASession() throws Exception {
        String url = PostgresServer.freshDatabase("certiflow_attack");
        node = new CertiflowNode("attack-node", url).logsIn("attack").start();
        db = new EngineDatabase(url);
        record = new RecordSnapshot(url);
        scenario = new AttackScenario(node, db).prepare();
        List<JsonNode> evaluations = scenario.tasks("ATTACK/C001/A.4", "Task_EvaluateProduction");
        juror = evaluations.get(0).get("assignee").asText();
        coJuror = evaluations.get(1).get("assignee").asText();
        outsider = AttackScenario.JURORS.stream().filter(id -> !id.equals(juror) && !id.equals(coJuror)).findFirst().orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        if (record != null) {
            record.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyRefusedCallChangesNothing() throws IOException, InterruptedException {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(tasks());
        attacks.addAll(manualDesignations());
        attacks.addAll(processes());
        attacks.addAll(identities());
        attacks.addAll(certiflowApi());
        return attacks.stream().map(attack -> dynamicTest(attack.toString(), () -> refused(attack)));
    }

    /** The attempt is refused with one of its statuses, and the record is exactly what it was. */
    private void refused(Attack attack) throws IOException, InterruptedException {
        scenario.quiet();
        Map<String, List<String>> before = record.take();
        CampaignClient.Response response = attack.send(client(attack.role()));
        assertThat(response.status()).as("%s: %s", attack, response.body()).isIn(attack.refusedWith());
        scenario.quiet();
        assertThat(record.take()).as("the record after %s", attack).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tasklist: every call on every kind of user task.

    private record TaskUnderAttack(String kind, String id, String owner, Map<String, Object> form, List<String> outsiders) {
    }

    private List<TaskUnderAttack> openTasks() throws IOException, InterruptedException {
        List<String> notCoordinators = List.of(ANONYMOUS, juror, PRESIDENT, MANAGER);
        List<String> notPresidents = List.of(ANONYMOUS, juror, COORDINATOR, MANAGER);
        Map<String, Object> harmonisation = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            harmonisation.put("A4_CR" + i + "_agreed", "ACQUIS");
        }
        harmonisation.put("harmonisationComment", "Les jurés divergeaient sur un critère.");
        return List.of(
                new TaskUnderAttack("évaluation", evaluationTask(), juror, AttackScenario.evaluation("A.4", 4, "ACQUIS"),
                        List.of(ANONYMOUS, coJuror, outsider, PRESIDENT, COORDINATOR, MANAGER)),
                groupEvaluationTask(),
                vaeEvaluationTask(),
                new TaskUnderAttack("recevabilité", scenario.task("ATTACK/C002/A.4", "Task_CheckAdmissibility"), COORDINATOR,
                        AssessmentFixture.admissibleValues("A.4"), notCoordinators),
                new TaskUnderAttack("soutenance", scenario.task("ATTACK/C001/A.5", "Task_ScheduleOral"), COORDINATOR,
                        Map.of("oralDate", LocalDateTime.now(AttackScenario.PARIS).plusDays(3).withNano(0).toString(),
                                "oralPlace", "Salle 3"), notCoordinators),
                new TaskUnderAttack("désignation manuelle", scenario.task("MANUAL/C201/A.4", "Task_AssignJuryManually"), COORDINATOR,
                        MANUAL_DESIGNATION, notCoordinators),
                new TaskUnderAttack("désignation manuelle du groupe", scenario.task(AttackScenario.GROUP_G3,
                        "Task_AssignJuryManually"), COORDINATOR, MANUAL_DESIGNATION, notCoordinators),
                new TaskUnderAttack("cohorte et jury", scenario.task("START", "Task_PrepareCohort"), COORDINATOR,
                        Map.of("cohortReady", true), notCoordinators),
                new TaskUnderAttack("harmonisation", scenario.task("ATTACK/C003/A.4", "Task_Harmonise"), PRESIDENT,
                        harmonisation, notPresidents),
                new TaskUnderAttack("délibération", scenario.task("GROUP/C101/BC2", "Task_DeliberateBloc"), PRESIDENT,
                        Map.of("blocDecision", "VALIDE"), notPresidents));
    }

    /**
     * A juror's evaluation of every member of group G2 at its sitting: refused to the other juror of the sitting, to a
     * juror of neither, to the president, the coordinator and the manager.
     */
    private TaskUnderAttack groupEvaluationTask() throws IOException, InterruptedException {
        List<JsonNode> tasks = scenario.tasks(AttackScenario.GROUP_G2, "Task_EvaluateGroup");
        String owner = tasks.get(0).get("assignee").asText();
        String other = tasks.get(1).get("assignee").asText();
        String neither = AttackScenario.JURORS.stream().filter(id -> !id.equals(owner) && !id.equals(other)).findFirst().orElseThrow();
        return new TaskUnderAttack("évaluation de groupe", tasks.get(0).get("id").asText(), owner,
                AttackScenario.groupEvaluation("A.3", 6, 2, "ACQUIS"), List.of(ANONYMOUS, other, neither, PRESIDENT, COORDINATOR, MANAGER));
    }

    /**
     * A juror's evaluation of one composante at a VAE candidate's sitting on a bloc: refused to the other juror of the
     * sitting, to a juror of neither, to the president, the coordinator and the manager.
     */
    private TaskUnderAttack vaeEvaluationTask() throws IOException, InterruptedException {
        List<JsonNode> tasks = scenario.tasks(AttackScenario.VAE_C501, "Task_EvaluateProduction");
        JsonNode first = vaeTask(tasks);
        String owner = first.get("assignee").asText();
        String other = tasks.stream().map(task -> task.get("assignee").asText()).filter(id -> !id.equals(owner)).findFirst()
                .orElseThrow();
        String neither = AttackScenario.JURORS.stream().filter(id -> !id.equals(owner) && !id.equals(other)).findFirst().orElseThrow();
        return new TaskUnderAttack("évaluation VAE", first.get("id").asText(), owner, AttackScenario.evaluation("A.4", 4, "ACQUIS"),
                List.of(ANONYMOUS, other, neither, PRESIDENT, COORDINATOR, MANAGER));
    }

    /** The first juror's A.4 task at C501's VAE sitting (the task's name ends with its composante). */
    private static JsonNode vaeTask(List<JsonNode> tasks) {
        return tasks.stream().filter(task -> task.get("name").asText().contains("— A.4")).findFirst().orElseThrow();
    }

    private String evaluationTask() throws IOException, InterruptedException {
        return scenario.tasks("ATTACK/C001/A.4", "Task_EvaluateProduction").stream()
                .filter(task -> task.get("assignee").asText().equals(juror)).findFirst().orElseThrow().get("id").asText();
    }

    private List<Attack> tasks() throws IOException, InterruptedException {
        List<Attack> attacks = new ArrayList<>();
        for (TaskUnderAttack task : openTasks()) {
            attacks.addAll(taskAttacks(task));
        }
        return attacks;
    }

    private List<Attack> taskAttacks(TaskUnderAttack task) {
        String path = "/engine-rest/task/" + task.id();
        List<Attack> attacks = new ArrayList<>();
        for (String role : task.outsiders()) {
            Set<Integer> refused = role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN_OR_HIDDEN;
            attacks.add(new Attack(task.kind() + " : la prendre", role, "POST", path + "/claim", Map.of("userId", role), refused));
            attacks.add(new Attack(task.kind() + " : la libérer", role, "POST", path + "/unclaim", null, refused));
            attacks.add(new Attack(task.kind() + " : soumettre son formulaire", role, "POST", path + "/submit-form",
                    Map.of("variables", typed(task.form())), refused));
            attacks.addAll(misuses(task, path, role, refused, refused));
        }
        // Its rightful user, beyond its form.
        attacks.addAll(misuses(task, path, task.owner(), Attack.FORBIDDEN, Attack.INVALID));
        // Releasing a task is reassigning it (TASK_ASSIGN), which no user has on their own task.
        attacks.add(new Attack(task.kind() + " : la libérer", task.owner(), "POST", path + "/unclaim", null, Attack.FORBIDDEN));
        // The administrator may do much in Camunda, but no decision that belongs to a juror, a coordinator or a president.
        attacks.add(new Attack(task.kind() + " : décider à la place de qui en a le droit", ADMIN, "POST", path + "/submit-form",
                Map.of("variables", typed(task.form())), Attack.INVALID));
        attacks.add(new Attack(task.kind() + " : la terminer sans formulaire", ADMIN, "POST", path + "/complete", Map.of(), Attack.FORBIDDEN));
        if (task.kind().equals("recevabilité")) {
            // The coordinator, on the checklist of required contents: a tick outside the référentiel's list, and
            // « recevable » with items unticked and no written reason, are both refused.
            attacks.add(new Attack(task.kind() + " : cocher un contenu hors de la liste du référentiel", task.owner(), "POST",
                    path + "/submit-form", Map.of("variables", typed(Map.of("admissibility", "RECEVABLE",
                            "requiredContentsPresent", List.of("1", "2", "3", "4", "5", "6", "../7")))), Attack.INVALID));
            attacks.add(new Attack(task.kind() + " : déclarer recevable sans tous les contenus ni justification", task.owner(),
                    "POST", path + "/submit-form", Map.of("variables", typed(Map.of("admissibility", "RECEVABLE",
                            "requiredContentsPresent", List.of("1", "2")))), Attack.INVALID));
        }
        if (task.kind().startsWith("évaluation")) {
            // The administrator may reassign tasks, but an evaluation stays with its designated juror: the engine answers
            // with the error of the task's assignment listener.
            attacks.add(new Attack(task.kind() + " : la confier à un autre juré", ADMIN, "POST", path + "/assignee",
                    Map.of("userId", outsider), Set.of(500)));
        }
        attacks.add(new Attack(task.kind() + " : lever une erreur BPMN", ADMIN, "POST", path + "/bpmnError",
                Map.of("errorCode", "NO_ELIGIBLE_JUROR"), Attack.FORBIDDEN));
        return attacks;
    }

    /** What no one does to a task: each refused with {@code refused}, a submission with a field of one's own with {@code extraField}. */
    private List<Attack> misuses(TaskUnderAttack task, String path, String role, Set<Integer> refused, Set<Integer> extraField) {
        String kind = task.kind() + " : ";
        Map<String, Object> productionId = Map.of("value", 999, "type", "Long");
        Map<String, Object> withExtra = new LinkedHashMap<>(typed(task.form()));
        withExtra.put("productionId", productionId);
        return List.of(
                new Attack(kind + "la confier à un autre", role, "POST", path + "/assignee", Map.of("userId", outsider), refused),
                new Attack(kind + "la déléguer", role, "POST", path + "/delegate", Map.of("userId", outsider), refused),
                new Attack(kind + "l'ouvrir à un groupe", role, "POST", path + "/identity-links",
                        Map.of("groupId", "jurors", "type", "candidate"), refused),
                new Attack(kind + "retirer un groupe", role, "POST", path + "/identity-links/delete",
                        Map.of("groupId", "coordinators", "type", "candidate"), refused),
                new Attack(kind + "modifier la tâche", role, "PUT", path,
                        Map.of("name", "Renommée", "assignee", outsider, "owner", outsider, "priority", 1), refused),
                // The engine refuses to delete a task of a running process before it checks who asks (HTTP 500).
                new Attack(kind + "la supprimer", role, "DELETE", path, null, union(refused, Set.of(500))),
                new Attack(kind + "écrire une variable", role, "PUT", path + "/variables/productionId", productionId, refused),
                new Attack(kind + "écrire une variable locale", role, "PUT", path + "/localVariables/candidateLabel",
                        Map.of("value", "Autre candidat", "type", "String"), refused),
                new Attack(kind + "modifier des variables", role, "POST", path + "/variables",
                        Map.of("modifications", Map.of("jurorsAgree", Map.of("value", true, "type", "Boolean"))), refused),
                new Attack(kind + "supprimer une variable", role, "DELETE", path + "/variables/candidateLabel", null, refused),
                new Attack(kind + "la terminer sans formulaire", role, "POST", path + "/complete", Map.of(), refused),
                new Attack(kind + "la terminer avec des variables", role, "POST", path + "/complete",
                        Map.of("variables", Map.of("productionId", productionId)), refused),
                new Attack(kind + "la résoudre", role, "POST", path + "/resolve", Map.of(), refused),
                new Attack(kind + "lever une erreur BPMN", role, "POST", path + "/bpmnError",
                        Map.of("errorCode", "NO_ELIGIBLE_JUROR", "variables", Map.of("productionId", productionId)), refused),
                new Attack(kind + "lever une escalade", role, "POST", path + "/bpmnEscalation",
                        Map.of("escalationCode", "X", "variables", Map.of("productionId", productionId)), refused),
                new Attack(kind + "soumettre un champ hors formulaire", role, "POST", path + "/submit-form",
                        Map.of("variables", withExtra), extraField));
    }

    /**
     * The manual designation of a jury: the juror it would designate and a jury president may not submit it; a
     * coordinator's designation that sets the règlement aside without a written reason, or names someone outside the
     * campaign's pool, is refused for what it carries.
     */
    private List<Attack> manualDesignations() throws IOException, InterruptedException {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(manualDesignations("désignation manuelle", scenario.task("MANUAL/C201/A.4", "Task_AssignJuryManually")));
        // The same at group G3's sitting: one jury for both members, under the same rules.
        attacks.addAll(manualDesignations("désignation manuelle du groupe",
                scenario.task(AttackScenario.GROUP_G3, "Task_AssignJuryManually")));
        return attacks;
    }

    private List<Attack> manualDesignations(String kind, String task) {
        String path = "/engine-rest/task/" + task + "/submit-form";
        List<Attack> attacks = new ArrayList<>();
        for (String role : List.of("jure.a2", PRESIDENT, MANAGER)) {
            attacks.add(new Attack(kind + " : la soumettre sans être coordinateur", role, "POST", path,
                    Map.of("variables", typed(MANUAL_DESIGNATION)), Attack.FORBIDDEN_OR_HIDDEN));
        }
        attacks.add(new Attack(kind + " : la soumettre sans compte (un candidat)", ANONYMOUS, "POST", path,
                Map.of("variables", typed(MANUAL_DESIGNATION)), Attack.UNAUTHENTICATED));
        attacks.add(new Attack(kind + " : s'écarter du règlement sans motif", COORDINATOR, "POST", path,
                Map.of("variables", typed(Map.of("jurorIds", "jure.a2"))), Attack.INVALID));
        attacks.add(new Attack(kind + " : un motif de dérogation trop court", COORDINATOR, "POST", path,
                Map.of("variables", typed(Map.of("jurorIds", "jure.a2", "derogationReason", "Urgent."))), Attack.INVALID));
        attacks.add(new Attack(kind + " : un juré hors du jury de la campagne", COORDINATOR, "POST", path,
                Map.of("variables", typed(Map.of("jurorIds", "jure.a2, jure.a3",
                        "derogationReason", MANUAL_DESIGNATION.get("derogationReason")))), Attack.INVALID));
        return attacks;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cockpit: instances, definitions, jobs, deployments.

    private List<Attack> processes() {
        String instance = db.strings("select proc_inst_id_ from act_ru_execution where business_key_ = 'ATTACK/C001/A.4' "
                + "and id_ = proc_inst_id_").get(0);
        String evaluating = db.strings("select id_ from act_ru_execution where proc_inst_id_ = ? and act_id_ = 'Task_EvaluateProduction' "
                + "order by id_", instance).get(0);
        String timer = db.strings("select j.id_ from act_ru_job j join act_ru_execution e on e.proc_inst_id_ = j.process_instance_id_ "
                + "where e.business_key_ = 'ATTACK/C002/A.5' and e.id_ = e.proc_inst_id_ and j.type_ = 'timer' order by j.duedate_").get(0);
        String deployment = db.strings("select id_ from act_re_deployment").get(0);
        Map<String, Object> campaignOf = Map.of("campaignId", Map.of("value", scenario.campaigns.get("ATTACK"), "type", "Long"));
        Map<String, Object> draft = Map.of("campaignId", Map.of("value", scenario.campaigns.get("DRAFT"), "type", "Long"));
        List<Attack> attacks = new ArrayList<>();
        for (String role : List.of(ANONYMOUS, juror, PRESIDENT, COORDINATOR, MANAGER)) {
            Set<Integer> refused = role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN_OR_HIDDEN;
            String pi = "/engine-rest/process-instance/" + instance;
            attacks.add(new Attack("écrire une variable de l'instance", role, "PUT", pi + "/variables/productionId",
                    Map.of("value", 999, "type", "Long"), refused));
            attacks.add(new Attack("modifier des variables de l'instance", role, "POST", pi + "/variables",
                    Map.of("modifications", Map.of("jurorsAgree", Map.of("value", true, "type", "Boolean"))), refused));
            attacks.add(new Attack("supprimer une variable de l'instance", role, "DELETE", pi + "/variables/productionId", null, refused));
            attacks.add(new Attack("suspendre l'instance", role, "PUT", pi + "/suspended", Map.of("suspended", true), refused));
            attacks.add(new Attack("supprimer l'instance", role, "DELETE", pi, null, refused));
            attacks.add(new Attack("déplacer l'instance", role, "POST", pi + "/modification", Map.of("instructions",
                    List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Consolidate"))), refused));
            attacks.add(new Attack("relancer une campagne lancée", role, "POST", "/engine-rest/process-definition/key/CampaignProcess/start",
                    Map.of("variables", campaignOf, "businessKey", "ATTACK"), refused));
            attacks.add(new Attack("lancer un brouillon sans les contrôles", role, "POST",
                    "/engine-rest/process-definition/key/CampaignProcess/submit-form", Map.of("variables", draft, "businessKey", "DRAFT"),
                    role.equals(COORDINATOR) ? Attack.INVALID : refused));
            attacks.add(new Attack("démarrer une évaluation de bloc", role, "POST", "/engine-rest/process-definition/key/BlocAssessment/start",
                    Map.of("variables", Map.of(), "businessKey", "ATTACK/C001/BC1"), refused));
            attacks.add(new Attack("démarrer une production", role, "POST",
                    "/engine-rest/process-definition/key/ProductionAssessment/submit-form", Map.of("variables", Map.of()), refused));
            attacks.add(new Attack("corréler une remise", role, "POST", "/engine-rest/message",
                    Map.of("messageName", "ProductionSubmitted", "businessKey", "ATTACK/C002/A.5", "all", true),
                    role.equals(ANONYMOUS) ? refused : Set.of(400, 403)));
            attacks.add(new Attack("épuiser les relances d'un minuteur", role, "PUT", "/engine-rest/job/" + timer + "/retries",
                    Map.of("retries", 0), refused));
            // Refused before the job runs: a refusal inside the job's execution counted as one of its failures.
            attacks.add(new Attack("déclencher un minuteur", role, "POST", "/engine-rest/job/" + timer + "/execute", null, refused));
            attacks.add(new Attack("avancer une échéance", role, "PUT", "/engine-rest/job/" + timer + "/duedate",
                    Map.of("duedate", "2020-01-01T00:00:00.000+0000"), refused));
            attacks.add(new Attack("suspendre un minuteur", role, "PUT", "/engine-rest/job/" + timer + "/suspended",
                    Map.of("suspended", true), refused));
            attacks.add(new Attack("créer un incident", role, "POST", "/engine-rest/execution/" + evaluating + "/create-incident",
                    Map.of("incidentType", "failedJob", "message", "x"), refused));
            attacks.add(new Attack("déployer un processus", role, "POST", "/engine-rest/deployment/create", new Attack.Upload(
                    Map.of("deployment-name", "pirate"), "pirate.bpmn", PIRATE_PROCESS.getBytes(StandardCharsets.UTF_8)), refused));
            attacks.add(new Attack("supprimer un déploiement", role, "DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true",
                    null, refused));
        }
        return attacks;
    }

    private static final String PIRATE_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Pirate" targetNamespace="http://example.org">
              <bpmn:process id="ProductionAssessment" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="Start"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    // ---------------------------------------------------------------------------------------------------------------
    // Admin: accounts, groups, authorizations, filters.

    private List<Attack> identities() {
        String authorization = db.strings("select id_ from act_ru_authorization where group_id_ = 'coordinators' order by id_").get(0);
        String filter = db.strings("select id_ from act_ru_filter where name_ = 'Mes évaluations'").get(0);
        List<Attack> attacks = new ArrayList<>();
        for (String role : List.of(ANONYMOUS, juror, PRESIDENT, COORDINATOR, MANAGER)) {
            Set<Integer> refused = role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN_OR_HIDDEN;
            String self = role.equals(ANONYMOUS) ? "intrus" : role;
            attacks.add(new Attack("créer un compte", role, "POST", "/engine-rest/user/create", Map.of("profile",
                    Map.of("id", "intrus", "firstName", "In", "lastName", "Trus", "email", "intrus@example.org"),
                    "credentials", Map.of("password", "Intrus-Secret1")), refused));
            attacks.add(new Attack("changer le mot de passe de l'administrateur", role, "PUT", "/engine-rest/user/admin/credentials",
                    Map.of("password", "Pirate-Secret1", "authenticatedUserPassword", self + AttackScenario.PASSWORD_SUFFIX), refused));
            attacks.add(new Attack("changer le profil de l'administrateur", role, "PUT", "/engine-rest/user/admin/profile",
                    Map.of("id", "admin", "firstName", "Pirate", "lastName", "Pirate", "email", "pirate@example.org"), refused));
            attacks.add(new Attack("supprimer un juré", role, "DELETE", "/engine-rest/user/" + outsider, null, refused));
            attacks.add(new Attack("déverrouiller un compte", role, "POST", "/engine-rest/user/admin/unlock", null, refused));
            attacks.add(new Attack("se faire administrateur", role, "PUT", "/engine-rest/group/camunda-admin/members/" + self, null, refused));
            attacks.add(new Attack("se faire président de jury", role, "PUT", "/engine-rest/group/jury-presidents/members/" + self, null, refused));
            attacks.add(new Attack("retirer un juré de son groupe", role, "DELETE", "/engine-rest/group/jurors/members/" + outsider, null, refused));
            attacks.add(new Attack("créer un groupe", role, "POST", "/engine-rest/group/create",
                    Map.of("id", "pirates", "name", "Pirates", "type", "WORKFLOW"), refused));
            attacks.add(new Attack("s'accorder tous les droits", role, "POST", "/engine-rest/authorization/create", Map.of("type", 1,
                    "permissions", List.of("ALL"), "userId", self, "resourceType", 7, "resourceId", "*"), refused));
            attacks.add(new Attack("élargir une autorisation", role, "PUT", "/engine-rest/authorization/" + authorization, Map.of("type", 1,
                    "permissions", List.of("ALL"), "groupId", "coordinators", "resourceType", 7, "resourceId", "*"), refused));
            attacks.add(new Attack("supprimer une autorisation", role, "DELETE", "/engine-rest/authorization/" + authorization, null, refused));
            attacks.add(new Attack("créer un filtre de Tasklist", role, "POST", "/engine-rest/filter/create",
                    Map.of("resourceType", "Task", "name", "Toutes les tâches", "query", Map.of()), refused));
            attacks.add(new Attack("modifier le filtre des jurés", role, "PUT", "/engine-rest/filter/" + filter,
                    Map.of("resourceType", "Task", "name", "Mes évaluations", "query", Map.of()), refused));
            attacks.add(new Attack("supprimer le filtre des jurés", role, "DELETE", "/engine-rest/filter/" + filter, null, refused));
        }
        return attacks;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Certiflow's API.

    private List<Attack> certiflowApi() throws IOException, InterruptedException {
        long attack = scenario.campaigns.get("ATTACK");
        long draft = scenario.campaigns.get("DRAFT");
        long waiting = scenario.production("ATTACK/C002/A.5");
        String grid = db.strings("select cast(id as varchar) from cf_grid where production_id = ? and juror_user_id = ?",
                scenario.production("ATTACK/C001/A.4"), juror).get(0);
        byte[] gridFile = scenario.as(juror).bytes("/api/grids/" + grid);
        Attack.Upload cohort = csv("cohorte.csv", "N° candidat;Nom;Prénom;Courriel\nC399;Intrus;Ivan;ivan@example.org\n");
        Attack.Upload jury = csv("jury.csv", "Identifiant;Nom;Professionnel extérieur\njure.intrus;Juré Intrus;oui\n");
        Attack.Upload file = new Attack.Upload(Map.of("document", "framing"), "framing.txt",
                "This framing document was handed in by someone who may not.".getBytes(StandardCharsets.UTF_8));
        List<Attack> attacks = new ArrayList<>();
        for (String role : List.of(ANONYMOUS, juror, PRESIDENT, MANAGER)) {
            Set<Integer> refused = role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN;
            attacks.add(new Attack("créer une campagne", role, "POST", "/api/campaigns", campaign("PIRATE", Duration.ofDays(30)), refused));
            attacks.add(new Attack("lancer une campagne", role, "POST", "/api/campaigns/" + draft + "/launch", null, refused));
            attacks.add(new Attack("importer une cohorte", role, "POST", "/api/campaigns/" + draft + "/cohort", cohort, refused));
            attacks.add(new Attack("importer un jury", role, "POST", "/api/campaigns/" + draft + "/jurors", jury, refused));
            attacks.add(new Attack("déposer une production", role, "POST", "/api/productions/" + waiting + "/files", file, refused));
            attacks.add(new Attack("lancer une campagne nommée par son code", role, "POST", "/api/campaigns/DRAFT/launch", null, refused));
            attacks.add(new Attack("importer une cohorte dans une campagne nommée par son code", role, "POST",
                    "/api/campaigns/DRAFT/cohort", cohort, refused));
        }
        for (String role : List.of(ANONYMOUS, juror)) {
            // The productions and their files' names are for coordinators, managers and jury presidents.
            attacks.add(new Attack("lister les productions d'une campagne", role, "GET", "/api/campaigns/ATTACK/productions", null,
                    role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN));
        }
        attacks.add(new Attack("lancer par son code une campagne déjà lancée", COORDINATOR, "POST", "/api/campaigns/ATTACK/launch",
                null, Attack.CONFLICT));
        attacks.add(new Attack("lancer une campagne dont le code n'existe pas", COORDINATOR, "POST", "/api/campaigns/NULLE-PART/launch",
                null, Set.of(404)));
        for (String role : List.of(ANONYMOUS, coJuror, outsider, COORDINATOR, PRESIDENT, MANAGER, ADMIN)) {
            attacks.add(new Attack("déposer la grille d'un autre juré", role, "POST", "/api/grids/" + grid + "/evaluation",
                    new Attack.Upload(Map.of(), "grille.xlsx", gridFile), role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN));
        }
        // A group's grid (a sheet per member, kept under the first member's production) fills every member's section of
        // its juror's group evaluation task: only that juror hands it in.
        List<JsonNode> groupTasks = scenario.tasks(AttackScenario.GROUP_G2, "Task_EvaluateGroup");
        String groupJuror = groupTasks.get(0).get("assignee").asText();
        String otherGroupJuror = groupTasks.get(1).get("assignee").asText();
        String memberGrid = db.strings("select cast(id as varchar) from cf_grid where production_id = ? and juror_user_id = ?",
                scenario.production("SITTING/C401/A.3"), groupJuror).get(0);
        byte[] memberGridFile = scenario.as(groupJuror).bytes("/api/grids/" + memberGrid);
        for (String role : List.of(ANONYMOUS, otherGroupJuror, COORDINATOR, PRESIDENT, MANAGER)) {
            attacks.add(new Attack("déposer la grille d'un membre de groupe d'un autre juré", role, "POST",
                    "/api/grids/" + memberGrid + "/evaluation", new Attack.Upload(Map.of(), "grille.xlsx", memberGridFile),
                    role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN));
        }
        // A composante's grid at a VAE candidate's sitting completes its juror's task for that composante: only that
        // juror hands it in.
        List<JsonNode> vaeTasks = scenario.tasks(AttackScenario.VAE_C501, "Task_EvaluateProduction");
        String vaeJuror = vaeTask(vaeTasks).get("assignee").asText();
        String otherVaeJuror = vaeTasks.stream().map(task -> task.get("assignee").asText()).filter(id -> !id.equals(vaeJuror))
                .findFirst().orElseThrow();
        String vaeGrid = db.strings("select cast(id as varchar) from cf_grid where production_id = ? and juror_user_id = ?",
                scenario.production("VAE/C501/A.4"), vaeJuror).get(0);
        byte[] vaeGridFile = scenario.as(vaeJuror).bytes("/api/grids/" + vaeGrid);
        for (String role : List.of(ANONYMOUS, otherVaeJuror, COORDINATOR, PRESIDENT, MANAGER)) {
            attacks.add(new Attack("déposer la grille VAE d'une composante d'un autre juré", role, "POST",
                    "/api/grids/" + vaeGrid + "/evaluation", new Attack.Upload(Map.of(), "grille.xlsx", vaeGridFile),
                    role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN));
        }
        // A group member's consolidated grid is the group's workbook: for its readers only, never a juror of the group.
        for (String role : List.of(ANONYMOUS, groupJuror)) {
            attacks.add(new Attack("lire la grille consolidée d'un groupe", role, "GET", "/api/productions/"
                    + scenario.production("SITTING/C402/A.3") + "/consolidated.xlsx", null,
                    role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN));
        }
        // The outbox: read by coordinators and managers, a parked mail sent again by coordinators only.
        parkedMail = mail("attack:parked", "FAILED");
        sentMail = mail("attack:sent", "SENT");
        for (String role : List.of(ANONYMOUS, juror, PRESIDENT, MANAGER)) {
            Set<Integer> refused = role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN;
            attacks.add(new Attack("renvoyer un courriel en échec", role, "POST", "/api/notifications/" + parkedMail + "/resend",
                    null, refused));
        }
        for (String role : List.of(ANONYMOUS, juror, PRESIDENT)) {
            attacks.add(new Attack("lire la file des courriels", role, "GET", "/api/notifications", null,
                    role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN));
        }
        attacks.add(new Attack("renvoyer un courriel déjà envoyé", COORDINATOR, "POST", "/api/notifications/" + sentMail + "/resend",
                null, Attack.CONFLICT));
        attacks.add(new Attack("renvoyer un courriel qui n'existe pas", COORDINATOR, "POST", "/api/notifications/999999999/resend",
                null, Set.of(404)));
        attacks.add(new Attack("un statut de courriel inconnu", COORDINATOR, "GET", "/api/notifications?status=PERDU", null,
                Attack.INVALID));
        // Operations: everything but the bare probes is for administrators.
        for (String role : List.of(ANONYMOUS, juror, PRESIDENT, MANAGER, COORDINATOR)) {
            Set<Integer> refused = role.equals(ANONYMOUS) ? Attack.UNAUTHENTICATED : Attack.FORBIDDEN;
            attacks.add(new Attack("lire les métriques", role, "GET", "/actuator/prometheus", null, refused));
            attacks.add(new Attack("lire le détail de la santé", role, "GET", "/actuator/health", null, refused));
            attacks.add(new Attack("arrêter le nœud", role, "POST", "/actuator/shutdown", null, refused));
        }
        // The coordinator's own calls, refused for what they carry.
        attacks.add(new Attack("lancer une campagne déjà lancée", COORDINATOR, "POST", "/api/campaigns/" + attack + "/launch", null,
                Attack.CONFLICT));
        attacks.add(new Attack("se nommer président de jury par import", COORDINATOR, "POST", "/api/campaigns/" + draft + "/jurors",
                csv("jury.csv", "Identifiant;Nom;Professionnel extérieur;Président de jury\n" + COORDINATOR + ";Moi;oui;oui\n"),
                Attack.INVALID));
        attacks.add(new Attack("réécrire le compte de l'administrateur par import", COORDINATOR, "POST",
                "/api/campaigns/" + draft + "/jurors",
                csv("jury.csv", "Identifiant;Nom;Courriel;Professionnel extérieur\nadmin;Pirate;pirate@example.org;oui\n"), Attack.INVALID));
        attacks.add(new Attack("faire d'un responsable un juré par import", COORDINATOR, "POST", "/api/campaigns/" + draft + "/jurors",
                csv("jury.csv", "Identifiant;Nom;Professionnel extérieur\n" + MANAGER + ";Responsable;oui\n"), Attack.INVALID));
        attacks.add(new Attack("une date qui n'existe pas", COORDINATOR, "POST", "/api/campaigns/" + draft + "/cohort",
                csv("cohorte.csv", "N° candidat;Nom;Prénom;Courriel;Blocs acquis\nC302;Date;Fausse;fausse@example.org;BC1 (31/02/2025)\n"),
                Attack.INVALID));
        attacks.add(new Attack("un nom de fichier avec un octet nul", COORDINATOR, "POST", "/api/productions/" + waiting + "/files",
                new Attack.Upload(Map.of("document", "framing"), "cadrage\u0000.txt", "This framing document is in English."
                        .getBytes(StandardCharsets.UTF_8)), Attack.INVALID));
        Map<String, Object> backwards = campaign("ENVERS", Duration.ofDays(30));
        backwards.put("evaluationDeadline", Instant.now().plus(Duration.ofDays(10)).toString());
        attacks.add(new Attack("une évaluation avant les remises", COORDINATOR, "POST", "/api/campaigns", backwards, Attack.INVALID));
        attacks.add(new Attack("des dates toutes passées", COORDINATOR, "POST", "/api/campaigns",
                campaign("PASSEE", Duration.ofDays(-400)), Attack.INVALID));
        return attacks;
    }

    /** A mail of the outbox in the given status, as the dispatcher leaves it. */
    private long mail(String dedupKey, String status) {
        db.update("insert into cf_notification (kind, recipient, subject, body, dedup_key, created_at, next_attempt_at, status, attempts)"
                + " values ('REMINDER', 'candidat@example.org', 'Rappel', 'Bonjour', ?, now(), now(), ?, 5)", dedupKey, status);
        return db.count("select id from cf_notification where dedup_key = ?", dedupKey);
    }

    private static Attack.Upload csv(String filename, String content) {
        return new Attack.Upload(Map.of(), filename, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A campaign whose dates start {@code from} now: opening, submissions 30 days later, evaluation and deliberation after. */
    private static Map<String, Object> campaign(String code, Duration from) {
        Instant opens = Instant.now().plus(from);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Session " + code);
        body.put("referentialCode", "MMDC");
        body.put("blocs", List.of("BC3"));
        body.put("opensAt", opens.toString());
        body.put("submissionDeadlines", Map.of("A.4", opens.plus(Duration.ofDays(30)).toString(),
                "A.5", opens.plus(Duration.ofDays(30)).toString()));
        body.put("evaluationDeadline", opens.plus(Duration.ofDays(60)).toString());
        body.put("deliberationDate", opens.plus(Duration.ofDays(75)).toString());
        return body;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The rightful users, once every attack failed.

    // ---------------------------------------------------------------------------------------------------------------
    // The webapps' session: what Tasklist's pages send, and what another site could make a logged-in browser send.

    @Test
    @Order(2)
    void theWebappsSessionCarriesNoMoreThanBasicCredentialsAndNeverWithoutItsToken() throws Exception {
        WebappSession jurorInTasklist = WebappSession.login(node, juror, juror + AttackScenario.PASSWORD_SUFFIX, "tasklist");
        String task = "/camunda/api/engine/engine/default/task/" + evaluationTask();
        Map<String, String> token = Map.of("X-XSRF-TOKEN", jurorInTasklist.token());
        sessionRefused(jurorInTasklist, "PUT", task + "/variables/productionId", "{\"value\": 999, \"type\": \"Long\"}", token,
                Attack.FORBIDDEN);
        sessionRefused(jurorInTasklist, "POST", task + "/assignee", "{\"userId\": \"" + outsider + "\"}", token, Attack.FORBIDDEN);
        sessionRefused(jurorInTasklist, "POST", task + "/complete", "{}", token, Attack.FORBIDDEN);
        CampaignClient.Response outsideTheForm = sessionRefused(jurorInTasklist, "POST", task + "/submit-form",
                "{\"variables\": {\"productionId\": {\"value\": 999, \"type\": \"Long\"}}}", token, Attack.INVALID);
        // Tasklist shows a refusal's message as it comes: Certiflow's French words alone, not the engine's.
        assertThat(outsideTheForm.body()).contains("Champ(s) absent(s) du formulaire")
                .doesNotContain("Cannot submit task form", "ENGINE-");
        sessionRefused(jurorInTasklist, "PUT", task + "/variables/productionId", "{\"value\": 999, \"type\": \"Long\"}", Map.of(),
                Attack.FORBIDDEN);

        WebappSession coordinatorInTasklist = WebappSession.login(node, COORDINATOR, COORDINATOR + AttackScenario.PASSWORD_SUFFIX, "tasklist");
        String launch = "/api/campaigns/" + scenario.campaigns.get("DRAFT") + "/launch";
        Map<String, String> coordinatorToken = Map.of("X-XSRF-TOKEN", coordinatorInTasklist.token());
        sessionRefused(coordinatorInTasklist, "POST", launch, null, Map.of(), Attack.FORBIDDEN);
        sessionRefused(coordinatorInTasklist, "POST", launch, null, Map.of("X-XSRF-TOKEN", "pas-le-bon-jeton"), Attack.FORBIDDEN);
        sessionRefused(coordinatorInTasklist, "POST", launch, null, Map.of("X-XSRF-TOKEN", coordinatorInTasklist.token(),
                "Origin", "https://site-malveillant.example"), Attack.FORBIDDEN);
        sessionRefused(coordinatorInTasklist, "POST", launch, null, Map.of("X-XSRF-TOKEN", coordinatorInTasklist.token(),
                "Sec-Fetch-Site", "cross-site"), Attack.FORBIDDEN);
        // With its token and from its own origin, the session's request reaches the API, which judges its content.
        CampaignClient.Response invalid = coordinatorInTasklist.call("POST", "/api/campaigns", "{\"code\": \"\"}", coordinatorToken);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().get("errors")).isNotEmpty();
    }

    /**
     * The coordinator's console on the webapps' session: managers and jury presidents read its pages but every action
     * they post is refused, jurors open none of it, a coordinator's post from another origin or without the page's
     * token is refused; and nothing changes.
     */
    @Test
    @Order(2)
    void theConsoleRefusesEveryActionToWhoMayOnlyReadAndEverythingToJurors() throws Exception {
        String draft = "/certiflow/campagnes/DRAFT";
        Map<String, String> tokenless = Map.of();
        for (String[] reader : new String[][] {{MANAGER, "cockpit"}, {PRESIDENT, "tasklist"}}) {
            WebappSession session = WebappSession.login(node, reader[0], reader[0] + AttackScenario.PASSWORD_SUFFIX, reader[1]);
            CampaignClient.Response page = session.page(draft);
            assertThat(page.status()).as(reader[0]).isEqualTo(200);
            assertThat(page.body()).contains("DRAFT").doesNotContain("Importer la cohorte", "Lancer la campagne");
            Map<String, String> token = Map.of("_csrf", consoleToken(page.body()));
            consoleRefused(session, draft + "/lancement", token, Map.of(), Attack.FORBIDDEN);
            consoleRefused(session, "/certiflow/campagnes", withToken(token, Map.of("code", "PIRATE", "name", "Pirate")), Map.of(),
                    Attack.FORBIDDEN);
            // The creation with chosen versions, and the table of candidates × composantes: read, never acted on.
            consoleRefused(session, "/certiflow/campagnes", withToken(token, Map.of("code", "PIRATE-V", "name", "Pirate",
                    "referentialVersion", "1", "regulationVersion", "1")), Map.of(), Attack.FORBIDDEN);
            CampaignClient.Response table = session.page("/certiflow/campagnes/ATTACK?composante=A.4");
            assertThat(table.status()).as(reader[0]).isEqualTo(200);
            assertThat(table.body()).contains("Candidats et composantes", "C001", "Fichiers (").doesNotContain("Déposer ou remplacer un fichier");
        }
        WebappSession jurorInTasklist = WebappSession.login(node, juror, juror + AttackScenario.PASSWORD_SUFFIX, "tasklist");
        assertThat(jurorInTasklist.page(draft).status()).isEqualTo(403);
        assertThat(jurorInTasklist.page("/certiflow/campagnes/ATTACK/avancement").status()).isEqualTo(403);
        assertThat(jurorInTasklist.page("/certiflow/campagnes/ATTACK?etat=SUBMITTED&groupe=G1").status()).isEqualTo(403);
        assertThat(jurorInTasklist.page("/certiflow/campagnes/nouvelle").status()).isEqualTo(403);
        consoleRefused(jurorInTasklist, draft + "/lancement", tokenless, Map.of(), Attack.FORBIDDEN);

        WebappSession coordinator = WebappSession.login(node, COORDINATOR, COORDINATOR + AttackScenario.PASSWORD_SUFFIX, "tasklist");
        Map<String, String> token = Map.of("_csrf", consoleToken(coordinator.page(draft).body()));
        consoleRefused(coordinator, draft + "/lancement", tokenless, Map.of(), Attack.FORBIDDEN);
        consoleRefused(coordinator, draft + "/lancement", Map.of("_csrf", "pas-le-bon-jeton"), Map.of(), Attack.FORBIDDEN);
        consoleRefused(coordinator, draft + "/lancement", token, Map.of("Origin", "https://site-malveillant.example"), Attack.FORBIDDEN);
        consoleRefused(coordinator, "/certiflow/campagnes/ATTACK/lancement", token, Map.of(), Set.of(200));
        assertThat(CampaignClient.anonymous(node).call("POST", draft + "/lancement", null).status())
                .as("anonymous, without a session or its token").isEqualTo(403);
        assertThat(CampaignClient.anonymous(node).call("GET", draft, null).status()).as("anonymous: to the login page").isEqualTo(302);
    }

    private static String consoleToken(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a console form with its token").isTrue();
        return token.group(1);
    }

    private static Map<String, String> withToken(Map<String, String> token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(token);
        return all;
    }

    /** A console post refused with one of the statuses (a relaunch is refused on its page, 200), the record unchanged. */
    private void consoleRefused(WebappSession session, String path, Map<String, String> fields, Map<String, String> headers,
            Set<Integer> refusedWith) throws IOException, InterruptedException {
        scenario.quiet();
        Map<String, List<String>> before = record.take();
        CampaignClient.Response response = session.form(path, fields, headers);
        assertThat(response.status()).as("POST %s %s", path, headers.keySet()).isIn(refusedWith);
        scenario.quiet();
        assertThat(record.take()).as("the record after POST %s", path).isEqualTo(before);
    }

    private CampaignClient.Response sessionRefused(WebappSession session, String method, String path, String json,
            Map<String, String> headers, Set<Integer> refusedWith) throws IOException, InterruptedException {
        scenario.quiet();
        Map<String, List<String>> before = record.take();
        CampaignClient.Response response = session.call(method, path, json, headers);
        assertThat(response.status()).as("%s %s %s: %s", method, path, headers.keySet(), response.body()).isIn(refusedWith);
        scenario.quiet();
        assertThat(record.take()).as("the record after %s %s", method, path).isEqualTo(before);
        return response;
    }

    @Test
    @Order(3)
    void eachTaskIsStillDoneByItsRightfulUser() throws IOException, InterruptedException {
        long production = scenario.production("ATTACK/C001/A.4");
        scenario.submit(juror, evaluationTask(), AttackScenario.evaluation("A.4", 4, "ACQUIS"));
        assertThat(db.strings("select juror_user_id from cf_evaluation where production_id = ?", production)).containsExactly(juror);
        assertThat(db.count("select count(*) from cf_evaluation")).as("no evaluation elsewhere")
                .isEqualTo(1 + 2 + 4);
        // The group sitting's juror evaluates both members of group G2 in their one task.
        JsonNode groupTask = scenario.tasks(AttackScenario.GROUP_G2, "Task_EvaluateGroup").get(0);
        scenario.submit(groupTask.get("assignee").asText(), groupTask.get("id").asText(),
                AttackScenario.groupEvaluation("A.3", 6, 2, "ACQUIS"));
        assertThat(db.strings("select e.juror_user_id from cf_evaluation e join cf_production p on p.id = e.production_id "
                + "where p.process_key in ('SITTING/C401/A.3', 'SITTING/C402/A.3')"))
                .containsExactly(groupTask.get("assignee").asText(), groupTask.get("assignee").asText());

        // The VAE sitting's juror evaluates A.4 in their own task: recorded on C501's A.4 production alone.
        JsonNode vaeTask = vaeTask(scenario.tasks(AttackScenario.VAE_C501, "Task_EvaluateProduction"));
        scenario.submit(vaeTask.get("assignee").asText(), vaeTask.get("id").asText(), AttackScenario.evaluation("A.4", 4, "ACQUIS"));
        assertThat(db.strings("select e.juror_user_id from cf_evaluation e join cf_production p on p.id = e.production_id "
                + "where p.process_key in ('VAE/C501/A.4', 'VAE/C501/A.5')")).containsExactly(vaeTask.get("assignee").asText());

        scenario.submit(PRESIDENT, scenario.task("GROUP/C101/BC2", "Task_DeliberateBloc"), Map.of("blocDecision", "VALIDE"));
        scenario.submit(PRESIDENT, scenario.task("GROUP/C102/BC2", "Task_DeliberateBloc"), Map.of("blocDecision", "VALIDE"));
        assertThat(db.strings("select decided_by from cf_bloc_result")).containsExactly(PRESIDENT, PRESIDENT);
        String certification = awaitTask("GROUP", "Task_CertificationJury");

        // The certification jury, which only now exists, resists the same attempts: a coordinator or a juror submitting
        // its decisions, anyone working its task beyond the form.
        Map<String, Object> confirmAll = certificationJury(List.of(), "");
        TaskUnderAttack jury = new TaskUnderAttack("jury de certification", certification, PRESIDENT, confirmAll,
                List.of(ANONYMOUS, juror, COORDINATOR, MANAGER));
        for (Attack attack : taskAttacks(jury)) {
            refused(attack);
        }
        // Its president, deciding otherwise without a justification, or without the quorum, or with a stranger on the jury.
        String submit = "/engine-rest/task/" + certification + "/submit-form";
        refused(new Attack("jury de certification : déroger sans justification", PRESIDENT, "POST", submit,
                Map.of("variables", typed(certificationJury(List.of("jure.a1", "jure.a2"),
                        "C101 ; Délivrée ; "))), Attack.INVALID));
        refused(new Attack("jury de certification : délibérer sans le quorum", PRESIDENT, "POST", submit,
                Map.of("variables", typed(certificationJury(List.of("jure.a1"), ""))), Attack.INVALID));
        refused(new Attack("jury de certification : dire présent qui n'est pas du jury", PRESIDENT, "POST", submit,
                Map.of("variables", typed(certificationJury(List.of("jure.a1", COORDINATOR), ""))), Attack.INVALID));

        scenario.submit(PRESIDENT, certification, certificationJury(List.of("jure.a1", "jure.a3"),
                "C102 ; Délivrée ; Blocs 1 et 3 validés par la session de rattrapage, hors de cette campagne."));
        assertThat(db.strings("select decided_by from cf_certification_decision")).containsExactly(PRESIDENT, PRESIDENT);
        assertThat(db.strings("select c.candidate_number || ' ' || d.decision || ' ' || d.follows_proposal from "
                + "cf_certification_decision d join cf_candidate c on c.id = d.candidate_id order by c.candidate_number"))
                .containsExactly("C101 NON_DELIVREE true", "C102 DELIVREE false");
        assertThat(db.strings("select chaired_by from cf_certification_jury")).containsExactly(PRESIDENT);
        assertThat(db.strings("select user_id from cf_certification_jury_member where present order by member_order"))
                .containsExactly(PRESIDENT, "jure.a1", "jure.a3");

        // The coordinator designates MANUAL's jury against the règlement, with the reason it needs.
        scenario.submit(COORDINATOR, scenario.task("MANUAL/C201/A.4", "Task_AssignJuryManually"), MANUAL_DESIGNATION);
        assertThat(scenario.jurorsOf("MANUAL/C201/A.4")).containsExactly("jure.a2");
        assertThat(db.strings("select decided_by || ' : ' || reason from cf_jury_derogation where production_id = ?",
                scenario.production("MANUAL/C201/A.4")))
                .containsExactly(COORDINATOR + " : " + MANUAL_DESIGNATION.get("derogationReason"));
        // And group G3's: the same jury and the same derogation on each member's production.
        scenario.submit(COORDINATOR, scenario.task(AttackScenario.GROUP_G3, "Task_AssignJuryManually"), MANUAL_DESIGNATION);
        for (String member : List.of("MANUALG/C601/A.3", "MANUALG/C602/A.3")) {
            assertThat(scenario.jurorsOf(member)).as(member).containsExactly("jure.a2");
            assertThat(db.strings("select decided_by || ' : ' || reason from cf_jury_derogation where production_id = ?",
                    scenario.production(member))).as(member)
                    .containsExactly(COORDINATOR + " : " + MANUAL_DESIGNATION.get("derogationReason"));
        }

        // The parked mail, sent again by the coordinator, goes out (to the node's log).
        assertThat(scenario.as(COORDINATOR).call("POST", "/api/notifications/" + parkedMail + "/resend", null).status()).isEqualTo(202);
        scenario.quiet();
        assertThat(db.strings("select status from cf_notification where id = ?", parkedMail)).containsExactly("SENT");
    }

    /** The certification jury's form: the three jurors of the pool designated, those given present, the exceptions. */
    private static Map<String, Object> certificationJury(List<String> present, String exceptions) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("certificationJuryMembers", List.of("jure.a1", "jure.a2", "jure.a3"));
        values.put("certificationJuryPresent", present.isEmpty() ? List.of("jure.a1", "jure.a2") : present);
        values.put("certificationExceptions", exceptions);
        values.put("certificationConfirmed", true);
        return values;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Logins: a stranger slows guessing down but cannot lock anybody out for good; an operator unlocks at start.

    @Test
    @Order(4)
    void aStrangersWrongPasswordsDelayTheAdministratorButNeverLockThemOut() throws Exception {
        CampaignClient stranger = node.client(ADMIN, "pas-le-bon-mot-de-passe");
        String users = "/engine-rest/user?firstResult=0&maxResults=1";
        assertThat(stranger.call("GET", users, null).status()).isEqualTo(401);
        assertThat(node.admin().call("GET", users, null).status())
                .as("during the delay after a wrong password, even the right one is refused").isEqualTo(401);
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(stranger.call("GET", users, null).status()).isEqualTo(401);
        }
        // Tries made during a delay do not count: twenty in a burst weigh one or two.
        assertThat(db.count("select attempts_ from act_id_user where id_ = 'admin'")).isBetween(1L, 2L);
        fr.certiflow.packaged.Wait.until("the delay over", Duration.ofSeconds(15), () -> db.count(
                "select count(*) from act_id_user where id_ = 'admin' and lock_exp_time_ > now() - interval '500 milliseconds'") == 0);
        assertThat(node.admin().call("GET", users, null).status()).isEqualTo(200);
        assertThat(db.count("select attempts_ from act_id_user where id_ = 'admin'")).isZero();
    }

    @Test
    @Order(5)
    void anOperatorUnlocksAnyAccountByRestartingCertiflow() throws Exception {
        // Accounts locked for good, as the engine's default policy left them (ten failures) or for years ahead.
        for (String user : List.of(ADMIN, COORDINATOR, MANAGER)) {
            db.update("update act_id_user set attempts_ = 10, lock_exp_time_ = timestamp '2100-01-01 00:00:00' where id_ = ?", user);
            assertThat(scenario.as(user).call("GET", "/engine-rest/user?firstResult=0&maxResults=1", null).status())
                    .as("%s locked", user).isEqualTo(401);
        }

        node.kill();
        node.environment("CERTIFLOW_UNLOCK_USERS", COORDINATOR).start();

        assertThat(node.admin().call("GET", "/engine-rest/user?firstResult=0&maxResults=1", null).status())
                .as("the administrator, unlocked at every start").isEqualTo(200);
        assertThat(scenario.as(COORDINATOR).call("GET", "/api/campaigns", null).status())
                .as("an account named in CERTIFLOW_UNLOCK_USERS").isEqualTo(200);
        assertThat(scenario.as(MANAGER).call("GET", "/api/campaigns", null).status())
                .as("an account nobody asked to unlock stays locked").isEqualTo(401);
    }

    private String awaitTask(String businessKey, String activity) throws InterruptedException, IOException {
        fr.certiflow.packaged.Wait.until(activity + " in " + businessKey, Duration.ofMinutes(1),
                () -> db.count("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
                        + "where e.business_key_ = ? and t.task_def_key_ = ?", businessKey, activity) == 1);
        return scenario.task(businessKey, activity);
    }

    /** Maps form values to the typed variables the engine's REST API takes, as Tasklist sends them. */
    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, AttackScenario.variable(value)));
        return variables;
    }

    private static Set<Integer> union(Set<Integer> some, Set<Integer> others) {
        Set<Integer> all = new java.util.HashSet<>(some);
        all.addAll(others);
        return Set.copyOf(all);
    }

    private CampaignClient client(String role) {
        return role.equals(ANONYMOUS) ? CampaignClient.anonymous(node) : scenario.as(role);
    }
}
