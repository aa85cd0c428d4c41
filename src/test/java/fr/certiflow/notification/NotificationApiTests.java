package fr.certiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.campaign.SmallCampaignLaunch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The operators' view of the outbox: failed messages and candidates without an address, and a failed message sent again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "certiflow.mail.enabled=false")
@ActiveProfiles("test")
@Tag("application")
class NotificationApiTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    Notifier notifier;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    JdbcTemplate jdbc;

    long failed;
    long noAddress;
    long sent;

    @BeforeEach
    void setUp() {
        api.users();
        SmallCampaignLaunch.today();
        jdbc.update("delete from cf_notification");
        failed = queue(1, "lea.martin@example.org");
        jdbc.update("update cf_notification set status = 'FAILED', attempts = 5, last_error = '550 Mailbox unavailable' where id = ?", failed);
        noAddress = queue(2, null);
        sent = queue(3, "hugo.bernard@example.org");
        jdbc.update("update cf_notification set status = 'SENT' where id = ?", sent);
        queue(4, "ines.petit@example.org");
    }

    @AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void coordinatorsAndManagersSeeFailedMessagesAndCandidatesWithoutAnAddress() {
        for (String user : List.of("coordo", "manager")) {
            ResponseEntity<JsonNode> outbox = as(user).getForEntity("/api/notifications", JsonNode.class);
            assertThat(outbox.getStatusCode().value()).isEqualTo(200);
            JsonNode body = outbox.getBody();
            assertThat(body.get("counts").get("PENDING").asLong()).isEqualTo(1);
            assertThat(body.get("counts").get("SENT").asLong()).isEqualTo(1);
            assertThat(body.get("counts").get("FAILED").asLong()).isEqualTo(1);
            assertThat(body.get("counts").get("NO_ADDRESS").asLong()).isEqualTo(1);
            assertThat(body.get("notifications").findValuesAsText("id")).containsExactly(String.valueOf(noAddress), String.valueOf(failed));
            assertThat(body.get("notifications").get(1).get("lastError").asText()).isEqualTo("550 Mailbox unavailable");
            assertThat(body.get("notifications").get(1).get("subject").asText()).contains("rappel : votre production A.4");
        }
        JsonNode pending = as("coordo").getForObject("/api/notifications?status=pending", JsonNode.class);
        assertThat(pending.get("notifications").findValuesAsText("status")).containsExactly("PENDING");
    }

    @Test
    void anUnknownStatusIsRefusedNamingTheParameter() {
        ResponseEntity<JsonNode> refused = as("coordo").getForEntity("/api/notifications?status=PERDU", JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("detail").asText()).isEqualTo(
                "Paramètre « status » invalide : « PERDU » ; valeurs admises : PENDING, SENT, FAILED, NO_ADDRESS.");
    }

    @Test
    void aCoordinatorSendsAFailedMessageAgain() {
        ResponseEntity<JsonNode> resent = as("coordo").postForEntity("/api/notifications/" + failed + "/resend", null, JsonNode.class);

        assertThat(resent.getStatusCode().value()).isEqualTo(202);
        assertThat(resent.getBody().get("status").asText()).isEqualTo("PENDING");
        Notification again = notifications.findById(failed).orElseThrow();
        assertThat(again.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(again.getAttempts()).isZero();
        assertThat(again.getNextAttemptAt()).isEqualTo(SmallCampaignLaunch.TODAY);
    }

    @Test
    void onlyAFailedMessageIsSentAgain() {
        Map<String, Object> before = snapshot();
        for (long id : List.of(sent, noAddress)) {
            ResponseEntity<JsonNode> refused = as("coordo").postForEntity("/api/notifications/" + id + "/resend", null, JsonNode.class);
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(refused.getBody().get("detail").asText()).startsWith("Seul un message en échec peut être renvoyé ; le message n° " + id);
        }
        ResponseEntity<JsonNode> unknown = as("coordo").postForEntity("/api/notifications/999999/resend", null, JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("detail").asText()).isEqualTo("Aucun message n° 999999.");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void othersMayNeitherReadTheOutboxNorSendAgain() {
        Map<String, Object> before = snapshot();
        assertThat(as("jure9").getForEntity("/api/notifications", JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/api/notifications", JsonNode.class).getStatusCode().value()).isEqualTo(401);
        for (String user : List.of("manager", "jure9")) {
            assertThat(as(user).postForEntity("/api/notifications/" + failed + "/resend", null, JsonNode.class).getStatusCode().value())
                    .as(user).isEqualTo(403);
        }
        assertThat(http.postForEntity("/api/notifications/" + failed + "/resend", null, JsonNode.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<String, Object> snapshot() {
        return Map.of("rows", jdbc.queryForList("select * from cf_notification order by id").toString());
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-secret");
    }

    private long queue(int production, String recipient) {
        notifier.queue(MailTemplates.REMINDER, recipient, Map.of("candidat", "Léa Martin", "campagne", "Session de printemps 2027",
                "code", "A.4", "composante", "A.4 Plan de management de projet", "echeance", "lundi 1 mars 2027 à 18h00"),
                (long) production, "reminder:" + production + ":0");
        return notifications.findAll().stream().filter(n -> n.getProductionId() == production).findFirst().orElseThrow().getId();
    }
}
