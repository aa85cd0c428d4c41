package fr.certiflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The evaluation and harmonisation forms in forms/ are exactly what the référentiel and its règlement give: they
 * cannot drift; a règlement with another scale gives forms with its own levels, with no code change.
 */
@Tag("unit")
class EvaluationFormsTests {

    static final Path FORMS = Path.of("forms");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path REFERENTIALS = Path.of("src/main/resources/referentials");
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/regulations-v2");
    static Referential seed;
    static Regulation regulation;
    static Regulation fourLevels;

    @BeforeAll
    static void parseSeed() throws IOException {
        try (InputStream in = EvaluationFormsTests.class.getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            seed = new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
        regulation = read(Path.of("src/main/resources/regulations/mmdc-v1-r2.yaml"));
        fourLevels = read(FIXTURE.resolve("mmdc-v1-r3.yaml"));
    }

    private static Regulation read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return RegulationCatalog.read(file.toString(), in, version -> seed);
        }
    }

    @Test
    void theFixtureReglementsFormsAreThoseItGives() throws IOException {
        Map<String, String> generated = FormGenerator.forms(FIXTURE, List.of(REFERENTIALS));
        assertThat(generated).hasSize(12).containsKey("evaluation-mmdc-v1-r3-a-5.form");
        for (Map.Entry<String, String> form : generated.entrySet()) {
            assertThat(Files.readString(FIXTURE.resolve("forms").resolve(form.getKey()), StandardCharsets.UTF_8))
                    .as("%s differs: run the FormGenerator on the fixture (see README)", form.getKey())
                    .isEqualTo(form.getValue());
        }
    }

    @Test
    void aFourLevelScaleGivesFourOptionsAndAsksACommentForBothLevelsNotAcquired() throws IOException {
        Component component = seed.component("A.5").orElseThrow();
        JsonNode form = JSON.readTree(EvaluationForms.evaluationForm(seed, fourLevels, component));
        List<JsonNode> fields = new ArrayList<>();
        form.get("components").forEach(fields::add);
        Criterion english = component.criteria().get(3);
        JsonNode rating = field(fields, EvaluationForms.ratingKey(english));
        assertThat(rating.get("values").findValuesAsText("label"))
                .containsExactly("Maîtrisé", "Acquis", "En cours d'acquisition", "Non acquis");
        assertThat(field(fields, EvaluationForms.commentKey(english)).at("/conditional/hide").asText())
                .isEqualTo("=A5_CR4_rating != \"EN_COURS\" and A5_CR4_rating != \"NON_ACQUIS\"");
        assertThat(fields.get(3).get("id").asText()).isEqualTo("Text_Instructions");
        assertThat(fields.get(3).get("text").asText())
                .contains("Règlement de certification MMDC v1, révision 3 (fixture de test)")
                .contains("au moins 75 % de ses critères acquis, dont obligatoirement A.5-CR4")
                .contains("Critères et indicateurs : référentiel MMDC v1");
    }

    @Test
    void everyGeneratedFormIsInFormsUnchanged() throws IOException {
        Map<String, String> generated = FormGenerator.forms(Path.of("src/main/resources/regulations"), List.of(REFERENTIALS));
        assertThat(generated).hasSize(12);
        for (Map.Entry<String, String> form : generated.entrySet()) {
            Path file = FORMS.resolve(form.getKey());
            assertThat(file).as("%s is missing: run the FormGenerator (see README)", file).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s differs from the référentiel: run the FormGenerator (see README)", file)
                    .isEqualTo(form.getValue());
        }
    }

    @Test
    void noGeneratedFormIsLeftFromAnotherReferential() throws IOException {
        Map<String, String> generated = FormGenerator.forms(Path.of("src/main/resources/regulations"), List.of(REFERENTIALS));
        try (Stream<Path> files = Files.list(FORMS)) {
            assertThat(files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("evaluation-") || name.startsWith("harmonisation-")))
                    .allSatisfy(name -> assertThat(generated).containsKey(name));
        }
    }

    @Test
    void theEvaluationFormAsksEveryCriterionWithItsIndicators() throws IOException {
        Component component = seed.component("A.3").orElseThrow();
        JsonNode form = JSON.readTree(EvaluationForms.evaluationForm(seed, regulation, component));
        assertThat(form.get("id").asText()).isEqualTo("evaluation-mmdc-v1-r2-a-3");
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        List<JsonNode> fields = new ArrayList<>();
        form.get("components").forEach(fields::add);
        for (Criterion criterion : component.criteria()) {
            JsonNode rating = field(fields, EvaluationForms.ratingKey(criterion));
            assertThat(rating.get("type").asText()).isEqualTo("radio");
            assertThat(rating.at("/validate/required").asBoolean()).isTrue();
            assertThat(rating.get("values").findValuesAsText("value")).containsExactly("ACQUIS", "NON_ACQUIS");
            JsonNode indicators = field(fields, EvaluationForms.indicatorsKey(criterion));
            assertThat(indicators.get("values").findValuesAsText("value")).hasSize(criterion.indicators().size())
                    .first().isEqualTo("1");
            List<String> labels = indicators.get("values").findValuesAsText("label");
            for (int i = 0; i < criterion.indicators().size(); i++) {
                assertThat(labels.get(i)).as("indicator %d labelled with its own text", i + 1)
                        .isEqualToIgnoringCase(criterion.indicators().get(i));
            }
            JsonNode comment = field(fields, EvaluationForms.commentKey(criterion));
            assertThat(comment.at("/validate/required").asBoolean()).isTrue();
            assertThat(comment.at("/conditional/hide").asText())
                    .isEqualTo("=" + EvaluationForms.ratingKey(criterion) + " != \"NON_ACQUIS\"");
            assertThat(field(fields, EvaluationForms.remarkKey(criterion)).at("/conditional/hide").asText())
                    .isEqualTo("=" + EvaluationForms.ratingKey(criterion) + " = \"NON_ACQUIS\"");
            assertThat(field(fields, EvaluationForms.remarkKey(criterion)).at("/validate/required").asBoolean()).isFalse();
        }
        assertThat(fields).filteredOn(node -> node.get("type").asText().equals("text"))
                .anySatisfy(text -> assertThat(text.get("text").asText())
                        .contains("## Critère 6 — Qualité de la structuration et de l'argumentation de la stratégie marketing digital")
                        .contains("- **C.3.4.3** Négocier les conditions"));
    }

    @Test
    void jurorsSeeTheRequiredContentsAtTheTopOfTheirFormWhenTheReferentialListsThem() throws IOException {
        List<JsonNode> a3 = new ArrayList<>();
        JSON.readTree(EvaluationForms.evaluationForm(seed, regulation, seed.component("A.3").orElseThrow()))
                .get("components").forEach(a3::add);
        // Right after the header (title, route or production, instructions), before the documents and the first
        // criterion: all nine items, in order; hidden for a VAE candidate, whose dossier has no checklist.
        assertThat(a3.subList(0, 4)).extracting(node -> node.get("id").asText())
                .containsExactly("Text_Header", "Text_Route", "Text_Production", "Text_Instructions");
        assertThat(a3.get(4).get("id").asText()).isEqualTo("Text_RequiredContents");
        assertThat(a3.get(4).get("text").asText()).startsWith("### Contenu exigé par le référentiel")
                .contains("- la définition des objectifs poursuivis\n- la segmentation de la ou des cible(s) visée(s)\n")
                .contains("- le calendrier de réalisation des actions\n");
        assertThat(a3.get(4).get("text").asText().lines().filter(line -> line.startsWith("- "))).hasSize(9);
        assertThat(a3.get(4).at("/conditional/hide").asText()).isEqualTo("=vaeRoute = true");
        assertThat(a3.get(5).get("id").asText()).isEqualTo("Text_Documents");
        // The route first for a VAE candidate, the référentiel's production for the others.
        assertThat(a3.get(1).at("/conditional/hide").asText()).isEqualTo("=vaeRoute != true");
        assertThat(a3.get(1).get("text").asText()).startsWith("**Parcours : {{route}}** — le candidat est évalué sur {{vaeModality}}");
        assertThat(a3.get(2).at("/conditional/hide").asText()).isEqualTo("=vaeRoute = true");
        assertThat(a3.get(2).get("text").asText()).startsWith("**Production :** ");
        // A.1's production lists no contents: no empty block.
        assertThat(JSON.readTree(EvaluationForms.evaluationForm(seed, regulation, seed.component("A.1").orElseThrow()))
                .get("components").findValuesAsText("id")).doesNotContain("Text_RequiredContents");
    }

    @Test
    void aGroupsFormShowsTheRequiredContentsOnceAtTheTopThenASectionPerMember() throws IOException {
        JsonNode form = JSON.readTree(GroupEvaluationForms.form(seed, regulation, seed.component("A.3").orElseThrow()));
        List<String> top = new ArrayList<>();
        form.get("components").forEach(node -> top.add(node.get("id").asText()));
        // The production is the group's: its nine required items once, above the documents and the members' sections.
        assertThat(top.subList(0, 3)).containsExactly("Text_GroupHeader", "Text_RequiredContents", "Text_Documents");
        assertThat(form.get("components").get(1).get("text").asText().lines().filter(line -> line.startsWith("- "))).hasSize(9);
        assertThat(form.get("components").get(1).has("conditional")).isFalse();
        assertThat(top.subList(3, top.size())).allMatch(id -> id.startsWith("Group_Member"))
                .hasSize(regulation.groups().maximumSize());
        assertThat(form.findValuesAsText("text")).filteredOn(text -> text.startsWith("### Contenu exigé")).hasSize(1);
        // Each member's section: their name, « absent », then every criterion under the member's own keys.
        assertThat(form.get("components").get(3).get("components").findValuesAsText("key"))
                .startsWith("M1_absent").contains("M1_A3_CR1_rating", "M1_A3_CR6_rating");
    }

    @Test
    void keysAreValidFeelNamesAndDistinctAcrossCriteria() {
        List<String> keys = seed.components().flatMap(component -> EvaluationForms.evaluationKeys(component).stream()).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("[A-Za-z][A-Za-z0-9_]*"));
        assertThat(EvaluationForms.ratingKey(seed.component("A.1").orElseThrow().criteria().get(0))).isEqualTo("A1_CR1_rating");
    }

    private static JsonNode field(List<JsonNode> fields, String key) {
        return fields.stream().filter(node -> key.equals(node.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key));
    }
}
