package fr.certiflow.attack;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import fr.certiflow.packaged.EngineDatabase;
import fr.certiflow.packaged.Wait;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.process.Variables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A certification session as hostile users find it: every kind of user task open at once, reached over HTTP the way
 * Certiflow's users reach it (the administrator creates the accounts, a coordinator creates and launches campaigns,
 * hands productions in, checks them, schedules orals; jurors evaluate; the jury president deliberates).
 * <ul>
 * <li>campaign ATTACK (bloc BC3, three candidates): C001's A.4 under evaluation by two jurors, C002's A.4 waiting for its
 * admissibility check, C003's A.4 waiting for a harmonisation (the jurors disagreed), C001's A.5 waiting for its oral to
 * be scheduled, the other A.5 waiting for their files;</li>
 * <li>campaign GROUP (bloc BC2, one group of two): group G1's A.3 sitting over (one admissibility check, one oral, one
 * evaluation task per juror for both members), each member's bloc waiting for its deliberation;</li>
 * <li>campaign SITTING (bloc BC2, one group of two): group G2's A.3 sitting waiting for its jurors' evaluations;</li>
 * <li>campaign VAE (bloc BC3, one VAE candidate): C501's sitting on BC3 (one dossier, one admissibility check, one jury,
 * one interview) waiting for its jurors' evaluations, one task per juror and composante;</li>
 * <li>campaign MANUAL (one juror only): an A.4 waiting for a coordinator to designate its jury by hand;</li>
 * <li>campaign MANUALG (bloc BC2, one group of two, one juror only): group G3's A.3 sitting waiting for a coordinator to
 * designate the group's jury by hand;</li>
 * <li>campaign START, created from Tasklist's start form: waiting for its cohort and jury;</li>
 * <li>campaign DRAFT: created through the API, with a cohort and a jury, never launched.</li>
 * </ul>
 */
final class AttackScenario {

    static final String PASSWORD_SUFFIX = "-Secret1";
    static final String COORDINATOR = "coordo.a";
    static final String MANAGER = "manager.a";
    static final String PRESIDENT = "president.a";
    static final List<String> JURORS = List.of("jure.a1", "jure.a2", "jure.a3");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String GROUP_G1 = "group:GROUP/G1/A.3";
    static final String GROUP_G2 = "group:SITTING/G2/A.3";
    static final String VAE_C501 = "vae:VAE/C501/BC3";
    static final String GROUP_G3 = "group:MANUALG/G3/A.3";

    final CertiflowNode node;
    final EngineDatabase db;
    final CampaignClient admin;
    final Map<String, Long> campaigns = new LinkedHashMap<>();

    AttackScenario(CertiflowNode node, EngineDatabase db) {
        this.node = node;
        this.db = db;
        this.admin = node.admin();
    }

    CampaignClient as(String user) {
        return user.equals("admin") ? admin : node.client(user, user + PASSWORD_SUFFIX);
    }

    CampaignClient coordinator() {
        return as(COORDINATOR);
    }

    AttackScenario prepare() throws IOException, InterruptedException {
        admin.createUser(COORDINATOR, COORDINATOR + PASSWORD_SUFFIX, "coordinators");
        admin.createUser(MANAGER, MANAGER + PASSWORD_SUFFIX, "managers");
        admin.createUser(PRESIDENT, PRESIDENT + PASSWORD_SUFFIX, "jury-presidents");
        for (String juror : JURORS) {
            admin.createUser(juror, juror + PASSWORD_SUFFIX, "jurors");
        }
        String jury = "Identifiant;Nom;Professionnel extérieur;Qualifié en anglais;Président de jury\n"
                + "jure.a1;Juré Un;oui;non;non\njure.a2;Juré Deux;non;non;non\njure.a3;Juré Trois;oui;oui;non\n"
                + PRESIDENT + ";Président;oui;non;oui\n";

        create("ATTACK", List.of("BC3"), "C001;Un;Alice;alice@example.org;\nC002;Deux;Bruno;bruno@example.org;\n"
                + "C003;Trois;Chloé;chloe@example.org;\n", jury);
        create("GROUP", List.of("BC2"), "C101;Groupe;Denis;denis@example.org;G1\nC102;Groupe;Eva;eva@example.org;G1\n", jury);
        create("SITTING", List.of("BC2"), "C401;Séance;Farid;farid@example.org;G2\nC402;Séance;Gina;gina@example.org;G2\n", jury);
        create("VAE", List.of("BC3"), "N° candidat;Nom;Prénom;Courriel;Groupe;Parcours\n",
                "C501;Acquis;Hugo;hugo@example.org;;VAE\n", jury);
        create("MANUAL", List.of("BC3"), "C201;Seul;Fanny;fanny@example.org;\n",
                "Identifiant;Nom;Professionnel extérieur;Qualifié en anglais\njure.a2;Juré Deux;non;non\n");
        create("MANUALG", List.of("BC2"), "C601;Manuel;Inès;ines@example.org;G3\nC602;Manuel;Jules;jules@example.org;G3\n",
                "Identifiant;Nom;Professionnel extérieur;Qualifié en anglais\njure.a2;Juré Deux;non;non\n");
        create("DRAFT", List.of("BC3"), "C301;Brouillon;Gaël;gael@example.org;\n", jury);
        for (String code : List.of("ATTACK", "GROUP", "SITTING", "VAE", "MANUAL", "MANUALG")) {
            coordinator().post("/api/campaigns/" + campaigns.get(code) + "/launch", Map.of(), 202);
        }
        Wait.until("every production waiting for its files", Duration.ofMinutes(3),
                () -> db.waitingAt("Task_AwaitSubmission") == 3 * 2 + 2 + 2 + 2 + 2 + 2);
        quiet();

        // ATTACK: C001's A.4 evaluated by two jurors; C002's waits for its check; C003's jurors disagree.
        for (String candidate : List.of("C001", "C002", "C003")) {
            handIn("ATTACK/" + candidate + "/A.4", "production");
        }
        admissible("ATTACK/C001/A.4");
        admissible("ATTACK/C003/A.4");
        waitForTasks("ATTACK/C003/A.4", "Task_EvaluateProduction", 2);
        for (JsonNode task : tasks("ATTACK/C003/A.4", "Task_EvaluateProduction")) {
            String juror = task.get("assignee").asText();
            evaluate(juror, task.get("id").asText(), "A.4", 4, juror.equals(firstJurorOf("ATTACK/C003/A.4")) ? "NON_ACQUIS" : "ACQUIS");
        }
        waitForTasks("ATTACK/C003/A.4", "Task_Harmonise", 1);
        waitForTasks("ATTACK/C001/A.4", "Task_EvaluateProduction", 2);
        // C001's A.5 (the procurement case, in English, with an oral): its defence waits to be scheduled.
        for (String document : List.of("framing", "quotes")) {
            coordinator().upload("/api/productions/" + production("ATTACK/C001/A.5") + "/files", Map.of("document", document),
                    document + ".txt", AssessmentFixture.ENGLISH.getBytes(StandardCharsets.UTF_8), 201);
        }
        admissible("ATTACK/C001/A.5");
        waitForTasks("ATTACK/C001/A.5", "Task_ScheduleOral", 1);

        // GROUP: group G1 hands in once, one admissibility check and one oral (a few seconds ahead) for the group, each
        // juror evaluates both members Acquis in one task; group G2's sitting waits for its jurors' evaluations.
        handIn("GROUP/C101/A.3", "production");
        handIn("SITTING/C401/A.3", "production");
        for (String group : List.of(GROUP_G1, GROUP_G2)) {
            admissible(group);
            waitForTasks(group, "Task_ScheduleOral", 1);
            String at = LocalDateTime.now(PARIS).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).toString();
            submit(COORDINATOR, tasks(group, "Task_ScheduleOral").get(0).get("id").asText(),
                    Map.of("oralDate", at, "oralPlace", "Salle 2"));
        }
        for (String group : List.of(GROUP_G1, GROUP_G2)) {
            waitForTasks(group, "Task_EvaluateGroup", 2);
        }
        for (JsonNode task : tasks(GROUP_G1, "Task_EvaluateGroup")) {
            submit(task.get("assignee").asText(), task.get("id").asText(), groupEvaluation("A.3", 6, 2, "ACQUIS"));
        }
        for (String candidate : List.of("C101", "C102")) {
            waitForTasks("GROUP/" + candidate + "/BC2", "Task_DeliberateBloc", 1);
        }

        // VAE: C501 hands in one dossier for BC3's A.4 and A.5; one admissibility check and one interview (a few seconds
        // ahead) for the bloc, then one evaluation task per juror and composante.
        coordinator().upload("/api/productions/" + production("VAE/C501/A.4") + "/files", Map.of("document", "dossier"),
                "dossier.txt", AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8), 201);
        waitForTasks(VAE_C501, "Task_CheckAdmissibility", 1);
        submit(COORDINATOR, tasks(VAE_C501, "Task_CheckAdmissibility").get(0).get("id").asText(),
                Map.of("admissibility", "RECEVABLE", Variables.REQUIRED_CONTENTS_PRESENT, List.of()));
        waitForTasks(VAE_C501, "Task_ScheduleOral", 1);
        submit(COORDINATOR, tasks(VAE_C501, "Task_ScheduleOral").get(0).get("id").asText(), Map.of("oralDate",
                LocalDateTime.now(PARIS).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).toString(), "oralPlace", "Salle 4"));
        waitForTasks(VAE_C501, "Task_EvaluateProduction", 4);

        // MANUAL: no jury fits the rules (one juror, not external), so a coordinator designates it.
        handIn("MANUAL/C201/A.4", "production");
        admissible("MANUAL/C201/A.4");
        waitForTasks("MANUAL/C201/A.4", "Task_AssignJuryManually", 1);
        // MANUALG: no jury fits the rules for group G3 either: a coordinator designates the group's jury.
        handIn("MANUALG/C601/A.3", "production");
        admissible(GROUP_G3);
        waitForTasks(GROUP_G3, "Task_AssignJuryManually", 1);

        // START: created from Tasklist's start form, waiting for its cohort and jury.
        Instant today = Instant.now();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("newCampaignCode", variable("START"));
        start.put("newCampaignName", variable("Session créée dans Tasklist"));
        start.put("referentialCode", variable("MMDC"));
        start.put("opensOn", variable(today.atZone(PARIS).toLocalDate().toString()));
        start.put("submissionDeadlineOn", variable(today.plus(Duration.ofDays(30)).atZone(PARIS).toLocalDate().toString()));
        start.put("evaluationDeadlineOn", variable(today.plus(Duration.ofDays(60)).atZone(PARIS).toLocalDate().toString()));
        start.put("deliberationOn", variable(today.plus(Duration.ofDays(75)).atZone(PARIS).toLocalDate().toString()));
        coordinator().post("/engine-rest/process-definition/key/CampaignProcess/submit-form", Map.of("variables", start), 200);
        campaigns.put("START", Long.valueOf(db.strings("select cast(id as varchar) from cf_campaign where code = 'START'").get(0)));
        waitForTasks("START", "Task_PrepareCohort", 1);
        quiet();
        return this;
    }

    /** A campaign created, its cohort and jury imported, by the coordinator over Certiflow's API. */
    private void create(String code, List<String> blocs, String cohort, String jury) throws IOException, InterruptedException {
        create(code, blocs, "N° candidat;Nom;Prénom;Courriel;Groupe\n", cohort, jury);
    }

    private void create(String code, List<String> blocs, String header, String cohort, String jury)
            throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Session " + code);
        body.put("referentialCode", "MMDC");
        body.put("blocs", blocs);
        body.put("opensAt", now.toString());
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (String bloc : blocs) {
            for (String component : bloc.equals("BC2") ? List.of("A.3") : List.of("A.4", "A.5")) {
                deadlines.put(component, now.plus(Duration.ofDays(30)).toString());
            }
        }
        body.put("submissionDeadlines", deadlines);
        body.put("evaluationDeadline", now.plus(Duration.ofDays(60)).toString());
        body.put("deliberationDate", now.plus(Duration.ofDays(75)).toString());
        long id = coordinator().post("/api/campaigns", body, 201).get("id").asLong();
        campaigns.put(code, id);
        coordinator().upload("/api/campaigns/" + id + "/cohort", Map.of(), "cohorte.csv",
                (header + cohort).getBytes(StandardCharsets.UTF_8), 200);
        coordinator().upload("/api/campaigns/" + id + "/jurors", Map.of(), "jury.csv", jury.getBytes(StandardCharsets.UTF_8), 200);
    }

    long production(String processKey) {
        return db.count("select id from cf_production where process_key = ?", processKey);
    }

    private void handIn(String processKey, String document) throws IOException, InterruptedException {
        coordinator().upload("/api/productions/" + production(processKey) + "/files", Map.of("document", document), "production.txt",
                ("Production remise pour " + processKey + " : démarche, analyse et recommandations.").getBytes(StandardCharsets.UTF_8), 201);
    }

    private void admissible(String processKey) throws IOException, InterruptedException {
        waitForTasks(processKey, "Task_CheckAdmissibility", 1);
        submit(COORDINATOR, tasks(processKey, "Task_CheckAdmissibility").get(0).get("id").asText(),
                AssessmentFixture.admissibleValues(processKey.substring(processKey.lastIndexOf('/') + 1)));
    }

    private void evaluate(String juror, String taskId, String component, int criteria, String rating)
            throws IOException, InterruptedException {
        submit(juror, taskId, evaluation(component, criteria, rating));
    }

    /** What a juror's form submits: a rating for each criterion, and the comment a Non acquis needs. */
    static Map<String, Object> evaluation(String component, int criteria, String rating) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= criteria; i++) {
            String key = component.replace(".", "") + "_CR" + i;
            values.put(key + "_rating", rating);
            values.put(rating.equals("NON_ACQUIS") ? key + "_comment" : key + "_remark", "Observé pendant l'épreuve.");
        }
        return values;
    }

    /** What a juror's group form submits: every member's section with the same rating. */
    static Map<String, Object> groupEvaluation(String component, int criteria, int members, String rating) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int member = 1; member <= members; member++) {
            values.put("M" + member + "_absent", false);
            for (Map.Entry<String, Object> field : evaluation(component, criteria, rating).entrySet()) {
                values.put("M" + member + "_" + field.getKey(), field.getValue());
            }
        }
        return values;
    }

    void submit(String user, String taskId, Map<String, Object> values) throws IOException, InterruptedException {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, variable(value)));
        as(user).post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), 204);
        quiet();
    }

    /** A typed variable of the engine's REST API; a list is JSON, as Tasklist sends checklists and dynamic lists. */
    static Map<String, Object> variable(Object value) {
        if (value instanceof List<?> list) {
            try {
                return Map.of("value", JSON.writeValueAsString(list), "type", "Json");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long" : "String");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The open tasks of an activity in the process instance of this business key, as the administrator sees them. */
    List<JsonNode> tasks(String businessKey, String activity) throws IOException, InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey.replace("/", "%2F").replace("#", "%23")
                + "&taskDefinitionKey=" + activity + "&sortBy=assignee&sortOrder=asc&firstResult=0&maxResults=20").forEach(found::add);
        return found;
    }

    String task(String businessKey, String activity) throws IOException, InterruptedException {
        List<JsonNode> found = tasks(businessKey, activity);
        if (found.isEmpty()) {
            throw new IllegalStateException("No task " + activity + " in " + businessKey);
        }
        return found.get(0).get("id").asText();
    }

    String firstJurorOf(String processKey) {
        return db.strings("select juror_user_id from cf_jury_assignment where production_id = ? order by juror_user_id",
                production(processKey)).get(0);
    }

    List<String> jurorsOf(String processKey) {
        return db.strings("select juror_user_id from cf_jury_assignment where production_id = ? order by juror_user_id",
                production(processKey));
    }

    private void waitForTasks(String businessKey, String activity, int count) throws InterruptedException {
        Wait.until(count + " task(s) " + activity + " in " + businessKey, Duration.ofMinutes(2), () -> db.count(
                "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
                        + "where e.business_key_ = ? and t.task_def_key_ = ?", businessKey, activity) == count);
    }

    /** Nothing left for the job executor to do now: the record holds still (timers due later excepted). */
    void quiet() throws InterruptedException {
        Wait.until("no job due or running", Duration.ofMinutes(2), () -> db.count(
                "select count(*) from act_ru_job where (duedate_ is null or duedate_ <= now()) and retries_ > 0 "
                        + "or lock_owner_ is not null") == 0);
        // The node sends its outbox every few seconds (to its log: no mail server here).
        Wait.until("no mail due", Duration.ofMinutes(1), () -> db.count(
                "select count(*) from cf_notification where status = 'PENDING' and next_attempt_at <= now()") == 0);
    }
}
