package fr.certiflow.fault;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A campaign of N candidates (groups of 4) × the seed's 3 blocs, prepared over HTTP by a coordinator as in real
 * life: coordinator account created by the administrator, campaign, cohort and jury pool imported.
 */
final class FaultCampaign {

    static final String COORDINATOR = "coordo.fault";
    static final String COORDINATOR_PASSWORD = "coordo-fault-secret";
    static final List<String> BLOCS = List.of("BC1", "BC2", "BC3");
    static final List<String> COMPONENTS = CampaignClient.COMPONENTS;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final String code;
    final int candidates;
    long id;

    FaultCampaign(String code, int candidates) {
        this.code = code;
        this.candidates = candidates;
    }

    /**
     * Creates the coordinator and the campaign and imports cohort and jury. Deadlines of the given composantes come
     * {@code remindIn} after now plus the one-day reminder, so their reminders fall due during the test; the others
     * are two months away.
     */
    FaultCampaign prepare(CertiflowNode node, List<String> remindSoon, Duration remindIn) throws IOException, InterruptedException {
        node.admin().createUser(COORDINATOR, COORDINATOR_PASSWORD, "coordinators");
        CampaignClient coordinator = node.client(COORDINATOR, COORDINATOR_PASSWORD);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Open from the start of today (Paris): a campaign may not open in the past.
        Map<String, Object> body = CampaignClient.campaign(code, LocalDate.now(PARIS).atStartOfDay(PARIS).toInstant(),
                component -> remindSoon.contains(component) ? now.plus(Duration.ofDays(1)).plus(remindIn) : now.plus(Duration.ofDays(60)),
                now.plus(Duration.ofDays(90)));
        body.put("reminderDays", 1);
        id = coordinator.post("/api/campaigns", body, 201).get("id").asLong();

        StringBuilder cohort = new StringBuilder("N° candidat;Nom;Prénom;Courriel;Groupe\n");
        for (int i = 1; i <= candidates; i++) {
            cohort.append(String.format("%s;Nom%d;Prénom%d;candidat%d.%s@example.org;G%d%n", number(i), i, i, i, code, (i - 1) / 4));
        }
        JsonNode imported = coordinator.upload("/api/campaigns/" + id + "/cohort", Map.of(), "cohorte.csv",
                cohort.toString().getBytes(StandardCharsets.UTF_8), 200);
        if (imported.get("created").asInt() != candidates) {
            throw new IllegalStateException("Cohort import: " + imported);
        }
        StringBuilder jury = new StringBuilder("Identifiant;Nom;Professionnel extérieur;Qualifié en anglais;Charge maximale\n");
        for (int i = 1; i <= 20; i++) {
            jury.append("jure.").append(i).append(";Juré ").append(i).append(';').append(i % 2 == 0 ? "oui" : "non")
                    .append(';').append(i % 4 == 0 ? "oui" : "non").append(";1000\n");
        }
        coordinator.upload("/api/campaigns/" + id + "/jurors", Map.of(), "jury.csv", jury.toString().getBytes(StandardCharsets.UTF_8), 200);
        return this;
    }

    void launch(CertiflowNode node) throws IOException, InterruptedException {
        node.client(COORDINATOR, COORDINATOR_PASSWORD).post("/api/campaigns/" + id + "/launch", Map.of(), 202);
    }

    String number(int i) {
        return String.format("C%04d", i);
    }

    List<String> expectedBlocKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) {
            for (String bloc : BLOCS) {
                keys.add(code + "/" + number(i) + "/" + bloc);
            }
        }
        return keys;
    }

    List<String> expectedProductionKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) {
            for (String component : COMPONENTS) {
                keys.add(code + "/" + number(i) + "/" + component);
            }
        }
        return keys;
    }
}
