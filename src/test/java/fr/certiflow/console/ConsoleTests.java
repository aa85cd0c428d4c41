package fr.certiflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.SmallCampaignLaunch;
import fr.certiflow.identity.Groups;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.production.ProductionFileRepository;
import fr.certiflow.production.ProductionRepository;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console as its users meet it over HTTP: one login for the console and Tasklist in either order; a coordinator's
 * campaign from creation to a production handed in; managers and presidents reading without acting; jurors refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("application")
class ConsoleTests {

    static final String COHORT_HEADER = "N° candidat;Nom;Prénom;Courriel;Groupe;Blocs acquis\n";

    @LocalServerPort
    int port;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    AssessmentFixture fixture;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    ProductionRepository productions;
    @Autowired
    ProductionFileRepository files;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    ConsoleSession session() {
        return new ConsoleSession(port, engine.getName());
    }

    @BeforeEach
    void users() {
        api.users();
        api.user("president", Groups.JURY_PRESIDENTS);
        for (String user : new String[] {"coordo", "manager", "president", "jure9"}) {
            identity.unlockUser(user);
        }
        SmallCampaignLaunch.today();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void oneLoginOpensTheConsoleAndTasklistInEitherOrder() throws Exception {
        ConsoleSession anonymous = session();
        assertThat(anonymous.get("/certiflow/campagnes").location()).endsWith("/certiflow/connexion");

        ConsoleSession console = session();
        // A wrong password (on an account of its own: it delays the account a few seconds).
        String other = "coordo-" + UUID.randomUUID().toString().substring(0, 6);
        api.user(other, Groups.COORDINATORS);
        ConsoleSession.Page wrong = console.consoleLogin(other, "pas-le-bon");
        assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect");
        assertThat(console.webappsUser().status()).isEqualTo(404);
        assertThat(console.consoleLogin("coordo", "coordo-secret").location()).endsWith("/certiflow/campagnes");
        ConsoleSession.Page webapps = console.webappsUser();
        assertThat(webapps.status()).isEqualTo(200);
        assertThat(webapps.body()).contains("\"userId\":\"coordo\"").contains("tasklist");

        ConsoleSession cockpit = session();
        cockpit.webappLogin("cockpit", "manager", "manager-secret");
        ConsoleSession.Page list = cockpit.get("/certiflow/campagnes");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>Campagnes</h1>", "manager (consultation)").doesNotContain("Nouvelle campagne");
        ConsoleSession tasklist = session();
        tasklist.webappLogin("tasklist", "coordo", "coordo-secret");
        assertThat(tasklist.get("/certiflow/campagnes").body()).contains("coordo (coordination)", "Nouvelle campagne");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aMailParkedAsFailedIsShownToOperatorsAndSentAgainByACoordinatorOnly() throws Exception {
        String key = "console:" + UUID.randomUUID();
        jdbc.update("insert into cf_notification (kind, recipient, subject, body, dedup_key, created_at, next_attempt_at, status, attempts,"
                + " last_error) values ('REMINDER', 'candidat@example.org', 'Rappel de remise', 'Bonjour', ?, current_timestamp,"
                + " current_timestamp, 'FAILED', 5, 'Serveur SMTP injoignable')", key);
        Long id = jdbc.queryForObject("select id from cf_notification where dedup_key = ?", Long.class, key);

        ConsoleSession manager = session();
        manager.consoleLogin("manager", "manager-secret");
        ConsoleSession.Page page = manager.get("/certiflow/courriels");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Rappel de remise", "Serveur SMTP injoignable", "en échec").doesNotContain("Renvoyer");
        assertThat(manager.form("/certiflow/courriels/" + id + "/renvoi", Map.of()).status()).isEqualTo(403);
        ConsoleSession president = session();
        president.consoleLogin("president", "president-secret");
        assertThat(president.get("/certiflow/courriels").status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select status from cf_notification where id = ?", String.class, id)).isEqualTo("FAILED");

        ConsoleSession coordo = session();
        coordo.consoleLogin("coordo", "coordo-secret");
        assertThat(coordo.get("/certiflow/courriels").body()).contains("Renvoyer le message n° " + id);
        assertThat(coordo.form("/certiflow/courriels/" + id + "/renvoi", Map.of()).location()).endsWith("/certiflow/courriels");
        assertThat(coordo.get("/certiflow/courriels").body()).contains("Le message n° " + id + " (« Rappel de remise ») repart");
        // Queued again: the dispatcher may already have sent it (the test profile's outlet is the log).
        assertThat(jdbc.queryForObject("select status from cf_notification where id = ?", String.class, id)).isIn("PENDING", "SENT");
    }

    @Test
    void theCreationFormOffersThePublishedVersionsAndTheApiChecksThePair() throws Exception {
        ConsoleSession coordo = session();
        coordo.consoleLogin("coordo", "coordo-secret");
        ConsoleSession.Page form = coordo.get("/certiflow/campagnes/nouvelle");
        assertThat(form.body()).contains("<label for=\"referentialVersion\">Version du référentiel</label>",
                "<option value=\"\">la plus récente (version 1 — ", "<option value=\"2\">version 2 (référentiel v1) — ",
                "<label for=\"regulationVersion\">Version du règlement</label>");
        String code = "VERSIONS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("code", code, "name", "Versions choisies", "blocs", "BC1",
                "opensAt", "2027-01-04T09:00", "deadline.A.1", "2027-03-01T18:00", "deadline.A.2", "2027-03-01T18:00",
                "evaluationDeadline", "2027-04-01T18:00", "deliberationDate", "2027-04-15T10:00"));
        fields.put("referentialVersion", "1");
        fields.put("regulationVersion", "7");
        ConsoleSession.Page refused = coordo.form("/certiflow/campagnes", fields);
        assertThat(refused.body()).contains("id=\"regulationVersion-erreur\" class=\"field-error\">aucun règlement de "
                + "certification publié pour le référentiel", "en version 7", "<option value=\"1\" selected=\"selected\">version 1 — ");
        fields.put("referentialVersion", "5");
        fields.put("regulationVersion", "");
        refused = coordo.form("/certiflow/campagnes", fields);
        assertThat(refused.body()).contains("id=\"referentialVersion-erreur\" class=\"field-error\">aucun référentiel « MMDC » en version 5");
        assertThat(campaigns.findByCode(code)).isEmpty();
        fields.put("referentialVersion", "1");
        fields.put("regulationVersion", "2");
        fields.put("individualWorkAllowed", "A.1");
        assertThat(coordo.form("/certiflow/campagnes", fields).location()).endsWith("/certiflow/campagnes/" + code);
        fr.certiflow.campaign.Campaign created = campaigns.findByCode(code).orElseThrow();
        assertThat(created.getReferentialVersion()).isEqualTo(1);
        assertThat(created.getRegulationVersion()).isEqualTo(2);
        // The campaign's page says which collective composante may be passed without a group.
        assertThat(coordo.get("/certiflow/campagnes/" + code).body())
                .contains("<dt>Travail individuel admis pour</dt><dd>A.1</dd>");
        // A manager cannot create one, whatever the versions.
        ConsoleSession manager = session();
        manager.consoleLogin("manager", "manager-secret");
        manager.get("/certiflow/campagnes");
        fields.put("code", code + "-M");
        assertThat(manager.form("/certiflow/campagnes", fields).status()).isEqualTo(403);
        assertThat(campaigns.findByCode(code + "-M")).isEmpty();
    }

    @Test
    void aCoordinatorRunsACampaignFromTheConsoleAndOthersOnlyReadOrAreRefused() throws Exception {
        ConsoleSession coordo = session();
        coordo.consoleLogin("coordo", "coordo-secret");
        String code = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // The creation form, refused field by field, then accepted.
        coordo.get("/certiflow/campagnes/nouvelle");
        Map<String, String> form = new LinkedHashMap<>(Map.of("code", code, "name", "Session console", "blocs", "BC1",
                "opensAt", "2027-01-04T09:00", "deadline.A.1", "2027-03-01T18:00", "deadline.A.2", "2027-02-01T18:00",
                "evaluationDeadline", "2027-02-15T18:00", "deliberationDate", "pas une date"));
        ConsoleSession.Page refused = coordo.form("/certiflow/campagnes", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("La campagne n&#39;est pas créée : 1 problème(s)",
                "id=\"deliberationDate-erreur\" class=\"field-error\">date invalide « pas une date »");
        assertThat(campaigns.findByCode(code)).isEmpty();
        form.put("deliberationDate", "2027-01-10T10:00");
        refused = coordo.form("/certiflow/campagnes", form);
        assertThat(refused.body()).contains("id=\"evaluationDeadline-erreur\" class=\"field-error\">doit suivre la dernière date limite de remise",
                "id=\"deliberationDate-erreur\" class=\"field-error\">doit suivre la date limite d&#39;évaluation");
        form.put("evaluationDeadline", "2027-04-01T18:00");
        form.put("deliberationDate", "2027-04-15T10:00");
        ConsoleSession.Page created = coordo.form("/certiflow/campagnes", form);
        assertThat(created.location()).endsWith("/certiflow/campagnes/" + code);
        Long id = campaigns.findByCode(code).orElseThrow().getId();

        // A cohort with one bad row: the problems as a table, nothing imported; then fixed.
        assertThat(coordo.get("/certiflow/campagnes/" + code).body()).as("no individual work allowed: nothing said")
                .doesNotContain("Travail individuel admis pour");
        ConsoleSession.Page bad = coordo.upload("/certiflow/campagnes/" + code + "/cohorte", Map.of(), "cohorte.csv",
                (COHORT_HEADER + "2027-001;Martin;Léa;lea@example.org;G1;\n2027-002;Bernard;Hugo;hugo@example;G1;\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(bad.body()).contains("Fichier refusé, rien n&#39;a été importé : 1 problème(s)", "<td class=\"num\">3</td>",
                "<td>Courriel</td>", "adresse « hugo@example » invalide");
        assertThat(candidates.countByCampaignId(id)).isZero();
        ConsoleSession.Page good = coordo.upload("/certiflow/campagnes/" + code + "/cohorte", Map.of(), "cohorte.csv",
                (COHORT_HEADER + "2027-001;Martin;Léa;lea@example.org;G1;\n2027-002;Bernard;Hugo;hugo@example.org;G1;\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(good.body()).contains("Cohorte importé : 2 créé(s), 0 mis à jour, 0 inchangé(s)");
        ConsoleSession.Page jury = coordo.upload("/certiflow/campagnes/" + code + "/jury", Map.of(), "jury.csv",
                "Identifiant;Nom;Professionnel extérieur;Qualifié en anglais\njure1;Julien Juré;oui;non\njure2;Jeanne Jurée;non;non\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(jury.body()).contains("Vivier de jurés importé : 2 créé(s)");

        // Managers and presidents read the same pages without any action, and their POSTs are refused.
        for (String reader : new String[] {"manager", "president"}) {
            ConsoleSession session = session();
            session.consoleLogin(reader, reader + "-secret");
            ConsoleSession.Page page = session.get("/certiflow/campagnes/" + code);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(code, "Cohorte").doesNotContain("Importer la cohorte", "Lancer la campagne");
            assertThat(session.form("/certiflow/campagnes/" + code + "/lancement", Map.of()).status()).as(reader).isEqualTo(403);
            assertThat(session.upload("/certiflow/campagnes/" + code + "/cohorte", Map.of(), "cohorte.csv",
                    (COHORT_HEADER + "2027-009;Intrus;Ivan;ivan@example.org;;\n").getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(403);
        }
        ConsoleSession juror = session();
        juror.consoleLogin("jure9", "jure9-secret");
        ConsoleSession.Page jurorPage = juror.get("/certiflow/campagnes/" + code);
        assertThat(jurorPage.status()).isEqualTo(403);
        assertThat(jurorPage.body()).contains("Accès refusé", "Votre rôle ne permet pas");
        assertThat(juror.get("/certiflow/campagnes").status()).isEqualTo(403);
        assertThat(juror.get("/certiflow/courriels").status()).isEqualTo(403);
        assertThat(candidates.countByCampaignId(id)).isEqualTo(2);
        assertThat(campaigns.findById(id).orElseThrow().getStatus()).isEqualTo(CampaignStatus.DRAFT);

        // A POST without the page's token is refused, whoever sends it.
        ConsoleSession tokenless = session();
        tokenless.webappLogin("tasklist", "coordo", "coordo-secret");
        assertThat(tokenless.form("/certiflow/campagnes/" + code + "/lancement", Map.of()).status()).isEqualTo(403);
        assertThat(campaigns.findById(id).orElseThrow().getStatus()).isEqualTo(CampaignStatus.DRAFT);

        // The launch says what it starts, then starts it.
        ConsoleSession.Page confirm = coordo.get("/certiflow/campagnes/" + code + "/lancement");
        assertThat(confirm.body()).contains("2 évaluation(s) de bloc : 2 candidat(s) × 1 bloc(s) (BC1)",
                "4 production(s) à remettre");
        ConsoleSession.Page launched = coordo.form("/certiflow/campagnes/" + code + "/lancement", Map.of());
        assertThat(launched.location()).endsWith("/certiflow/campagnes/" + code + "/avancement");
        fixture.runJobs();

        // The table of candidates × composantes: a column per composante of the bloc, each cell its state and actions.
        ConsoleSession.Page table = coordo.get("/certiflow/campagnes/" + code);
        assertThat(table.body()).contains("Candidats et composantes", "2 candidat(s)", "<th scope=\"col\">A.1</th>",
                "<th scope=\"col\">A.2</th>", "aria-label=\"Déposer ou remplacer un fichier : 2027-002, A.2\"", "Attendue")
                .doesNotContain("<th scope=\"col\">A.3</th>");
        ConsoleSession.Page filtered = coordo.get("/certiflow/campagnes/" + code + "?candidat=bern&composante=A.2&etat=AWAITING_SUBMISSION");
        assertThat(filtered.body()).contains("1 candidat(s)", "Bernard Hugo", "<th scope=\"col\">A.2</th>")
                .doesNotContain("Martin Léa", "<th scope=\"col\">A.1</th>");
        assertThat(coordo.get("/certiflow/campagnes/" + code + "?etat=ASSESSED").body()).contains("0 candidat(s)")
                .doesNotContain("Bernard Hugo");
        assertThat(coordo.get("/certiflow/campagnes/" + code + "?composante=Z.9").body()).contains("composante « Z.9 » absente");
        ConsoleSession managerTable = session();
        managerTable.consoleLogin("manager", "manager-secret");
        assertThat(managerTable.get("/certiflow/campagnes/" + code).body()).contains("Candidats et composantes",
                "aria-label=\"Voir les fichiers : 2027-001, A.1\"").doesNotContain("Déposer ou remplacer un fichier");

        ConsoleSession.Page progress = coordo.get("/certiflow/campagnes/" + code + "/avancement?composante=A.1");
        assertThat(progress.body()).contains("<svg", "Productions par composante et par état", "2 production(s)",
                "2027-001 Martin Léa", "Déposer un fichier");
        Matcher link = Pattern.compile("href=\"/certiflow/productions/(\\d+)\"").matcher(progress.body());
        assertThat(link.find()).isTrue();
        String production = "/certiflow/productions/" + link.group(1);

        ConsoleSession manager = session();
        manager.consoleLogin("manager", "manager-secret");
        assertThat(manager.get(production).body()).contains("Fichiers remis").doesNotContain("Déposer ou remplacer");

        ConsoleSession.Page productionPage = coordo.get(production);
        assertThat(productionPage.body()).contains("Déposer ou remplacer un fichier", "<option value=\"");
        Matcher document = Pattern.compile("<option value=\"([^\"]+)\"").matcher(productionPage.body());
        assertThat(document.find()).isTrue();
        ConsoleSession.Page handedIn = coordo.upload(production + "/fichiers", Map.of("document", document.group(1)),
                "production.txt", AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8));
        assertThat(handedIn.location()).endsWith(production);
        assertThat(coordo.get(production).body()).contains("Fichier « production.txt » déposé.", "production.txt");
        assertThat(files.findBySubmissionIdOrderById(productions.findById(Long.valueOf(link.group(1))).orElseThrow()
                .getSubmissionId())).hasSize(1);
        // The table shows the hand-in in the production's cell, and the task it opened, linked to Tasklist.
        fixture.runJobs();
        fr.certiflow.production.Production handed = productions.findById(Long.valueOf(link.group(1))).orElseThrow();
        String number = candidates.findById(handed.getCandidateId()).orElseThrow().getNumber();
        ConsoleSession.Page after = coordo.get("/certiflow/campagnes/" + code + "?candidat=" + number + "&composante=A.1");
        assertThat(after.body()).contains("1 candidat(s)", "Fichiers (1)", "Tâche : Vérifier la recevabilité",
                "/camunda/app/tasklist/").doesNotContain("Déposer ou remplacer un fichier : " + number + ", A.1");
    }

    @Test
    void aCellOfAnAcquiredBlocSaysSoAndTheStateFilterMatchesTheLatestAttempt() throws Exception {
        fr.certiflow.campaign.Campaign campaign = fixture.campaign(c -> c.launched(AssessmentFixture.OPENS));
        fixture.standardJury(campaign);
        fr.certiflow.campaign.Candidate resitting = fixture.candidate(campaign, "2027-701");
        fr.certiflow.campaign.Candidate holder = fixture.candidate(campaign, "2027-702",
                c -> c.getAcquiredBlocs().put("BC2", AssessmentFixture.acquiredOn()));
        // 2027-701's first attempt on A.4 is handed in; their second attempt awaits its hand-in.
        var first = fixture.startProduction(campaign, resitting, "A.4", 1);
        fixture.submitAll(fixture.productionId(first), "A.4", AssessmentFixture.FRENCH);
        String firstState = productions.findById(fixture.productionId(first)).orElseThrow().getStatus().name();
        fixture.startProduction(campaign, resitting, "A.4", 2);
        fixture.startProduction(campaign, holder, "A.1");
        SmallCampaignLaunch.today();

        ConsoleSession coordo = session();
        coordo.consoleLogin("coordo", "coordo-secret");
        String page = "/certiflow/campagnes/" + campaign.getCode();
        ConsoleSession.Page bc2 = coordo.get(page + "?bloc=BC2");
        assertThat(bc2.body()).contains("<span class=\"acquired\">Acquis (bloc BC2)</span>");
        assertThat(bc2.body().split("Acquis \\(bloc BC2\\)", -1)).as("A.3 of 2027-702 only, not of 2027-701").hasSize(2);
        assertThat(coordo.get(page + "?bloc=BC1").body()).doesNotContain("Acquis (bloc");
        assertThat(coordo.get(page + "?bloc=BC3").body()).doesNotContain("Acquis (bloc");

        // The cell shows the second attempt: the first one's state no longer selects the candidate.
        assertThat(firstState).isNotEqualTo("AWAITING_SUBMISSION");
        assertThat(coordo.get(page + "?composante=A.4&etat=" + firstState).body()).contains("0 candidat(s)")
                .doesNotContain("2027-701");
        assertThat(coordo.get(page + "?composante=A.4&etat=AWAITING_SUBMISSION").body()).contains("1 candidat(s)", "2027-701",
                "(tentative 2)");
    }
}
