package fr.certiflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certiflow's French locale of each Camunda webapp covers every key of the English file the webjar ships, so that no
 * screen falls back to a key or to English, and keeps each placeholder the screens fill in.
 */
@Tag("unit")
class FrenchLocalesTests {

    static final String APPS = "META-INF/resources/webjars/camunda/app/";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}|%[sd]");
    /** Ends of English sentences that the French sentence before them already says (« … des instances de processus »). */
    static final java.util.Set<String> WORDS_MERGED_INTO_THE_SENTENCE_BEFORE = java.util.Set.of(
            "labels.PLGN_BTCH_SET_RET_EXT_SEARCH_PROCESS_INSTANCES", "labels.PLGN_BTCH_SET_RET_PROCESS_INSTANCES",
            "labels.PLGN_BTCH_SET_VARIABLES_SEARCH_SUFFIX");
    final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theFrenchFileHasEveryKeyOfTheWebjarsEnglishFileAndNoOther(String app) throws IOException {
        Map<String, String> english = flatten(read(app, "en"));
        Map<String, String> french = flatten(read(app, "fr"));

        assertThat(english).as("the webjar's English file of %s", app).hasSizeGreaterThan(100);
        assertThat(french.keySet()).as("keys of %s/locales/fr.json", app).isEqualTo(english.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyTranslationKeepsThePlaceholdersOfItsEnglishText(String app) throws IOException {
        Map<String, String> english = flatten(read(app, "en"));
        Map<String, String> french = flatten(read(app, "fr"));

        List<String> broken = new ArrayList<>();
        english.forEach((key, text) -> {
            if (!placeholders(text).equals(placeholders(french.get(key)))) {
                broken.add(key + ": « " + text + " » → « " + french.get(key) + " »");
            }
            if (!text.isBlank() && french.get(key).isBlank() && !WORDS_MERGED_INTO_THE_SENTENCE_BEFORE.contains(key)) {
                broken.add(key + " is empty");
            }
        });
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreFrench(String app) throws IOException {
        JsonNode dates = read(app, "fr").path("dateLocales");

        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
        assertThat(dates.path("longDateFormat").path("LT").asText()).isEqualTo("HH:mm");
        assertThat(dates.path("months").get(2).asText()).isEqualTo("mars");
        assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("lundi");
        assertThat(dates.path("week").path("dow").asInt()).as("weeks start on Monday").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void theButtonsJurorsPresidentsAndManagersRelyOnAreFrench(String app) throws IOException {
        Map<String, String> french = flatten(read(app, "fr"));

        assertThat(french.get("labels.CAM_WIDGET_HEADER_SIGN_OUT")).isEqualTo("Se déconnecter");
        if (app.equals("tasklist")) {
            assertThat(french).containsEntry("labels.COMPLETE", "Terminer").containsEntry("labels.CLAIM_TASK", "Prendre en charge")
                    .containsEntry("labels.CREATE_TASK", "Créer une tâche")
                    .containsEntry("labels.START_PROCESS", "Démarrer un processus");
        }
    }

    JsonNode read(String app, String language) throws IOException {
        String path = APPS + app + "/locales/" + language + ".json";
        URL url = getClass().getClassLoader().getResource(path);
        assertThat(url).as(path).isNotNull();
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            // The webjar's files start with a byte order mark.
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> values = new TreeMap<>();
        flatten("", node, values);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), values);
            }
        } else {
            values.put(prefix, node.asText());
        }
    }

    static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group());
        }
        found.sort(null);
        return found;
    }
}
