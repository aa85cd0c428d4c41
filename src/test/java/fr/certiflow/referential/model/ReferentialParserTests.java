package fr.certiflow.referential.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each validation rule, broken once in an otherwise valid fixture: the error names the file, the element and the
 * problem.
 */
@Tag("unit")
class ReferentialParserTests {

    static final String FILE = "broken.yaml";
    static String valid;

    @BeforeAll
    static void readValidFixture() throws IOException {
        try (InputStream in = ReferentialParserTests.class.getResourceAsStream("/fixtures/referentials/second/tiny-v1.yaml")) {
            valid = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheValidFixture() {
        Referential tiny = parse(valid);
        assertThat(tiny.code()).isEqualTo("TINY");
        assertThat(tiny.criteria()).extracting(Criterion::code).containsExactly("T.1-CR1", "T.1-CR2");
        assertThat(tiny.component("T.1").orElseThrow().assessment().englishRequired()).isFalse();
    }

    @Nested
    class UniqueCodes {

        @Test
        void aCompetenceCodeUsedTwice() {
            assertProblems(valid.replace("code: \"TC.1.2\"", "code: \"TC.1.1\""),
                    "competence TC.1.1: code TC.1.1 at blocs[0].components[0].competences[1] is already used by the competence at blocs[0].components[0].competences[0]",
                    "criterion T.1-CR2: assesses competence TC.1.2, which the référentiel does not define");
        }

        @Test
        void aCriterionCodeEqualToAnActivityCode() {
            assertProblems(valid.replace("code: \"T.1-CR2\"", "code: \"T.1.1\""),
                    "criterion T.1.1: code T.1.1 at blocs[0].components[0].criteria[1] is already used by the activity at blocs[0].components[0].activities[0]");
        }

        @Test
        void twoBlocsWithTheSameNumber() {
            String twoBlocs = valid.replace("blocs:\n", """
                    blocs:
                      - code: "T-BC0"
                        number: 1
                        title: "Autre bloc"
                        components:
                          - code: "T.0"
                            title: "Autre composante"
                            competences:
                              - code: "TC.0.1"
                                text: "Compétence."
                            production:
                              name: "Oral"
                              workMode: "INDIVIDUAL"
                              formats: ["ORAL"]
                              documents:
                                - code: "production"
                                  label: "Support"
                            criteria:
                              - code: "T.0-CR1"
                                title: "Critère"
                                relation: "En relation avec la compétence TC.0.1"
                                competences: ["TC.0.1"]
                                indicators: ["indicateur"]
                    """);
            assertProblems(twoBlocs, "bloc T-BC1: number 1 is used by another bloc");
        }
    }

    @Nested
    class Coverage {

        @Test
        void aCompetenceNoCriterionAssesses() {
            assertProblems(valid.replace("competences: [\"TC.1.2\"]", "competences: [\"TC.1.1\"]"),
                    "competence TC.1.2: is assessed by no criterion of component T.1");
        }

        @Test
        void aCriterionAssessingACompetenceOfAnotherComponent() {
            String secondCompetence = "          - code: \"TC.1.2\"\n            text: \"Seconde compétence.\"\n";
            assertThat(valid).contains(secondCompetence);
            String twoComponents = valid.replace(secondCompetence, "") + """
                          - code: "T.2"
                            title: "Deuxième composante"
                            competences:
                              - code: "TC.1.2"
                                text: "Seconde compétence."
                            production:
                              name: "Oral"
                              workMode: "INDIVIDUAL"
                              formats: ["ORAL"]
                              documents:
                                - code: "production"
                                  label: "Support"
                            criteria:
                              - code: "T.2-CR1"
                                title: "Critère"
                                relation: "En relation avec la compétence TC.1.2"
                                competences: ["TC.1.2"]
                                indicators: ["indicateur"]
                    """;
            assertProblems(twoComponents,
                    "criterion T.1-CR2: assesses competence TC.1.2 of component T.2, not of its own component T.1");
        }

        @Test
        void aCriterionAssessingAnUnknownCompetence() {
            assertProblems(valid.replace("competences: [\"TC.1.2\"]", "competences: [\"TC.1.2\", \"TC.9.9\"]"),
                    "criterion T.1-CR2: assesses competence TC.9.9, which the référentiel does not define");
        }

        @Test
        void aCriterionWithoutCompetences() {
            assertProblems(valid.replace("competences: [\"TC.1.1\"]", "competences: []"),
                    "criterion T.1-CR1: competences is empty",
                    "competence TC.1.1: is assessed by no criterion of component T.1");
        }
    }

    @Nested
    class EmptyTexts {

        @Test
        void anEmptyCriterionTitle() {
            assertProblems(valid.replace("title: \"Premier critère\"", "title: \"  \""), "criterion T.1-CR1: title is empty");
        }

        @Test
        void aMissingCompetenceText() {
            assertProblems(valid.replace("            text: \"Première compétence.\"\n", ""),
                    "competence TC.1.1: text is empty");
        }

        @Test
        void anEmptyIndicator() {
            assertProblems(valid.replace("\"troisième indicateur\"", "\"\""), "criterion T.1-CR2: indicator 2 is empty");
        }

        @Test
        void anEmptyActivityAndBlocTitle() {
            assertProblems(valid.replace("title: \"Activité unique\"", "title: \"\"").replace("title: \"Bloc unique\"", "title: \"\""),
                    "bloc T-BC1: title is empty", "activity T.1.1: title is empty");
        }

        @Test
        void anElementWithoutCodeIsNamedByItsPath() {
            assertProblems(valid.replace("code: \"T.1-CR1\"", "code: \"\""),
                    "criterion at blocs[0].components[0].criteria[0]: code is empty");
        }
    }

    @Nested
    class Productions {

        @Test
        void aMissingProduction() {
            String noProduction = valid.replaceAll("(?s)        production:\n.*?        criteria:\n", "        criteria:\n");
            assertProblems(noProduction, "component T.1: production is missing");
        }

        @Test
        void englishRequiredWithoutAnEnglishDocument() {
            assertProblems(valid.replace("formats: [\"WRITTEN\"]", "formats: [\"WRITTEN\"]\n          englishRequired: true"),
                    "component T.1 production: englishRequired is true but no document has language 'en'");
        }

        @Test
        void noRequiredDocument() {
            assertProblems(valid.replace("label: \"Dossier écrit\"", "label: \"Dossier écrit\"\n              required: false"),
                    "component T.1 production: no document is required: set required to true (or leave it out) on at least one");
        }

        @Test
        void aRequiredContentListedTwice() {
            assertProblems(valid.replace("modality: \"Etude de cas\"", "contents: [\"le budget\", \"le budget \"]\n          modality: \"Etude de cas\""),
                    "component T.1 production: content item 'le budget' is listed twice");
        }

        @Test
        void aLanguageThatIsNotAnIsoCode() {
            assertProblems(valid.replace("label: \"Dossier écrit\"", "label: \"Dossier écrit\"\n              language: \"English\""),
                    "component T.1 production document production: language must be a two-letter ISO 639-1 code, found 'English'");
        }
    }

    @Nested
    class FileErrors {

        @Test
        void aVersionBelowOne() {
            assertProblems(valid.replace("version: 1", "version: 0"),
                    "référentiel: version must be a whole number of at least 1, found 0");
        }

        @Test
        void anUnknownFieldIsLocated() {
            assertThatThrownBy(() -> parse(valid.replace("title: \"Premier critère\"", "titel: \"Premier critère\"")))
                    .isInstanceOf(InvalidReferentialException.class)
                    .hasMessageContaining("Référentiel file 'broken.yaml' is invalid")
                    .hasMessageContaining("blocs[0].components[0].criteria[0].titel (line 35, column")
                    .hasMessageContaining("unknown field 'titel'");
        }

        @Test
        void aWorkModeThatDoesNotExist() {
            assertThatThrownBy(() -> parse(valid.replace("workMode: \"INDIVIDUAL\"", "workMode: \"SOLO\"")))
                    .isInstanceOf(InvalidReferentialException.class)
                    .hasMessageContaining("blocs[0].components[0].production.workMode (line 23")
                    .hasMessageContaining("SOLO");
        }

        @Test
        void notYaml() {
            assertThatThrownBy(() -> parse("code: \"MMDC\"\n  version: : 1\n- ["))
                    .isInstanceOf(InvalidReferentialException.class)
                    .hasMessageContaining("Référentiel file 'broken.yaml' is invalid")
                    .hasMessageContaining("file (line")
                    .hasMessageContaining("is not valid YAML");
        }

        @Test
        void aDuplicateKey() {
            assertThatThrownBy(() -> parse(valid.replace("version: 1", "version: 1\nversion: 2")))
                    .isInstanceOf(InvalidReferentialException.class)
                    .hasMessageContaining("version");
        }

        @Test
        void anEmptyFile() {
            assertProblems("", "file: is empty");
        }
    }

    static Referential parse(String yaml) {
        return new ReferentialParser().parse(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file is refused with exactly these problems, in this order, and the message names the file. */
    static void assertProblems(String yaml, String... expected) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(InvalidReferentialException.class, e -> {
                    assertThat(e.source()).isEqualTo(FILE);
                    assertThat(e.problems()).map(Problem::toString).containsExactly(expected);
                    assertThat(e.getMessage()).startsWith("Référentiel file 'broken.yaml' is invalid")
                            .contains(List.of(expected).get(0));
                });
    }
}
