package fr.certiflow.referential.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.certiflow.referential.model.Assessment.Format;
import fr.certiflow.referential.model.Assessment.WorkMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed's référentiel ("Manager marketing digital et communication") as Certiflow reads it, checked against the
 * seed text: counts, the competences each criterion assesses, indicator counts and exact wording.
 */
@Tag("unit")
class SeedReferentialTests {

    static Referential seed;

    @BeforeAll
    static void parseSeed() throws IOException {
        try (InputStream in = SeedReferentialTests.class.getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            seed = new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
    }

    @Nested
    class Structure {

        @Test
        void identifiesTheCertification() {
            assertThat(seed.code()).isEqualTo("MMDC");
            assertThat(seed.version()).isEqualTo(1);
            assertThat(seed.title()).isEqualTo("Manager marketing digital et communication");
        }

        @Test
        void hasThreeBlocsOfTheSeedsComposantes() {
            assertThat(seed.blocs()).extracting(Bloc::code, Bloc::number, bloc -> codes(bloc.components().stream().map(Component::code)))
                    .containsExactly(
                            tuple("BC1", 1, "A.1 A.2"),
                            tuple("BC2", 2, "A.3"),
                            tuple("BC3", 3, "A.4 A.5"));
            assertThat(seed.blocs()).extracting(Bloc::title).containsExactly(
                    "Diagnostic du positionnement de son entreprise ou de l'organisation cliente et de son marché",
                    "Définition de la stratégie marketing digitale et communication de son entreprise ou de l'organisation cliente",
                    "Pilotage de la stratégie marketing digital et communication de son entreprise ou de l'organisation cliente");
        }

        @Test
        void countsMatchTheSeed() {
            assertThat(seed.components()).hasSize(5);
            // The seed lists 20 activities A.x.y (A.1.1-4, A.2.1-4, A.3.1-4, A.4.1-5, A.5.1-3).
            assertThat(seed.activities()).hasSize(20);
            assertThat(seed.competences()).hasSize(44);
            assertThat(seed.criteria()).hasSize(21);
            assertThat(seed.criteria().mapToInt(criterion -> criterion.indicators().size()).sum()).isEqualTo(86);
        }

        @Test
        void activitiesAndCompetencesPerComposante() {
            Map<String, String> activities = new LinkedHashMap<>();
            Map<String, Integer> competences = new LinkedHashMap<>();
            seed.components().forEach(component -> {
                activities.put(component.code(), codes(component.activities().stream().map(Activity::code)));
                competences.put(component.code(), component.competences().size());
            });
            assertThat(activities).containsExactly(
                    Map.entry("A.1", "A.1.1 A.1.2 A.1.3 A.1.4"),
                    Map.entry("A.2", "A.2.1 A.2.2 A.2.3 A.2.4"),
                    Map.entry("A.3", "A.3.1 A.3.2 A.3.3 A.3.4"),
                    Map.entry("A.4", "A.4.1 A.4.2 A.4.3 A.4.4 A.4.5"),
                    Map.entry("A.5", "A.5.1 A.5.2 A.5.3"));
            assertThat(competences).containsExactly(
                    Map.entry("A.1", 8), Map.entry("A.2", 7), Map.entry("A.3", 12), Map.entry("A.4", 12), Map.entry("A.5", 5));
        }
    }

    @Nested
    class Criteria {

        @Test
        void eachCriterionAssessesTheSeedsCompetences() {
            Map<String, String> links = seed.criteria().collect(Collectors.toMap(Criterion::code,
                    criterion -> String.join(" ", criterion.competences()), (a, b) -> a, LinkedHashMap::new));
            assertThat(links).containsExactly(
                    Map.entry("A.1-CR1", "C.1.1.1 C.1.2.1"),
                    Map.entry("A.1-CR2", "C.1.3.1 C.1.3.2 C.1.3.3 C.1.3.4 C.1.3.5"),
                    Map.entry("A.1-CR3", "C.1.4.1"),
                    Map.entry("A.2-CR1", "C.2.1.1 C.2.1.2"),
                    Map.entry("A.2-CR2", "C.2.2.1 C.2.2.2"),
                    Map.entry("A.2-CR3", "C.2.3.1 C.2.3.2"),
                    Map.entry("A.2-CR4", "C.2.4.1"),
                    Map.entry("A.3-CR1", "C.3.1.1 C.3.1.2 C.3.1.3"),
                    Map.entry("A.3-CR2", "C.3.2.1"),
                    Map.entry("A.3-CR3", "C.3.2.2 C.3.2.3"),
                    Map.entry("A.3-CR4", "C.3.2.4"),
                    Map.entry("A.3-CR5", "C.3.3.1 C.3.3.2"),
                    Map.entry("A.3-CR6", "C.3.4.1 C.3.4.2 C.3.4.3"),
                    Map.entry("A.4-CR1", "C.4.1.1 C.4.2.1 C.4.2.2 C.4.2.3"),
                    Map.entry("A.4-CR2", "C.4.3.1 C.4.3.2"),
                    Map.entry("A.4-CR3", "C.4.4.1 C.4.4.2 C.4.4.3"),
                    Map.entry("A.4-CR4", "C.4.5.1 C.4.5.2 C.4.5.3"),
                    Map.entry("A.5-CR1", "C.5.1.1"),
                    Map.entry("A.5-CR2", "C.5.1.2 C.5.2.1"),
                    Map.entry("A.5-CR3", "C.5.3.1 C.5.3.2"),
                    Map.entry("A.5-CR4", "C.5.1.1 C.5.1.2 C.5.2.1 C.5.3.1 C.5.3.2"));
        }

        @Test
        void indicatorCountsPerCriterion() {
            Map<String, Integer> counts = seed.criteria().collect(Collectors.toMap(Criterion::code,
                    criterion -> criterion.indicators().size(), (a, b) -> a, LinkedHashMap::new));
            assertThat(counts).containsExactly(
                    Map.entry("A.1-CR1", 4), Map.entry("A.1-CR2", 6), Map.entry("A.1-CR3", 4),
                    Map.entry("A.2-CR1", 3), Map.entry("A.2-CR2", 3), Map.entry("A.2-CR3", 4), Map.entry("A.2-CR4", 4),
                    Map.entry("A.3-CR1", 6), Map.entry("A.3-CR2", 2), Map.entry("A.3-CR3", 3), Map.entry("A.3-CR4", 1),
                    Map.entry("A.3-CR5", 3), Map.entry("A.3-CR6", 8),
                    Map.entry("A.4-CR1", 7), Map.entry("A.4-CR2", 4), Map.entry("A.4-CR3", 9), Map.entry("A.4-CR4", 4),
                    Map.entry("A.5-CR1", 3), Map.entry("A.5-CR2", 4), Map.entry("A.5-CR3", 1), Map.entry("A.5-CR4", 3));
        }

        @Test
        void titlesAreTheSeeds() {
            assertThat(seed.criteria().map(Criterion::title)).containsExactly(
                    "Validité de la structuration de la démarche de veille",
                    "Pertinence de l'analyse du matériau collecté",
                    "Qualité de la restitution de l'analyse produite",
                    "Validité de la démarche d'études mises en œuvre",
                    "Validité de la démarche et des méthodes d'études mises en œuvre",
                    "Qualité de l'analyse et de l'exploitation des études menées",
                    "Pertinence du diagnostic et de sa restitution",
                    "Pertinence de la stratégie marketing digital définie",
                    "Pertinence du positionnement des outils et supports de communication digitaux",
                    "Pertinence de la stratégie d'animation et de production de contenus",
                    "Pertinence de la stratégie de référencement des outils et supports de communication digitaux",
                    "Qualité du plan d'action déclinant la stratégie marketing digital",
                    "Qualité de la structuration et de l'argumentation de la stratégie marketing digital",
                    "Qualité de l'organisation du projet",
                    "Qualité des documents de référence de l'action à conduire",
                    "Pertinence des outils d'organisation et de suivi du projet",
                    "Pertinence du système et des outils d'évaluation du projet",
                    "Qualité de la préparation de l'acte d'achat",
                    "Pertinence de la conduite du processus d'achat",
                    "Pertinence des mesures d'évaluation de la prestation fournisseurs",
                    "Qualité de l'usage de l'anglais");
        }

        @Test
        void theEnglishCriterionRelatesToTheWholeComposante() {
            Criterion english = criterion("A.5-CR4");
            assertThat(english.relation()).isEqualTo("En relation avec toutes les compétences de la composante");
            assertThat(english.competences()).containsExactlyElementsOf(
                    seed.component("A.5").orElseThrow().competences().stream().map(Competence::code).toList());
            assertThat(english.indicators()).containsExactly(
                    "le choix du vocabulaire employé est juste et adapté au contexte professionnel",
                    "l'expression est claire et fluide",
                    "les échanges sont compris à l'oral comme à l'écrit");
        }

        @Test
        void indicatorsKeepTheSeedsWordingIncludingPageBreaksAndTypos() {
            // A.1-CR1's last indicator continues on the next page of the seed.
            assertThat(criterion("A.1-CR1").indicators()).last().isEqualTo("les modalités de collecte et de traitement "
                    + "de l'information mises en œuvre sont au moins en partie automatisées et permettent une "
                    + "détection et une exploitation efficaces des données");
            // The seed's own typo ("mes objectifs") is kept: the référentiel is quoted, not edited.
            assertThat(criterion("A.3-CR1").indicators())
                    .contains("mes objectifs sont clairement définis, mesurables, réalistes et fixés dans le temps");
            // A.4-CR3 continues past a page break with two more indicators.
            assertThat(criterion("A.4-CR3").indicators()).last().isEqualTo("l'outil de gestion budgétaire permet le "
                    + "repérage anticipé de tout risque de dépassement, en vue d'une prise de décision rapide et adaptée");
        }
    }

    @Nested
    class Texts {

        @Test
        void competencesSplitByAPageBreakAreWhole() {
            assertThat(competence("C.1.2.1")).isEqualTo("Déterminer les sources d'information pertinentes à exploiter "
                    + "au regard du périmètre de recherche délimité et des problématiques de son entreprise ou de "
                    + "l'organisation cliente, en sélectionnant les plus fiables et complémentaires parmi les sources "
                    + "repérées, afin de disposer de données utiles, significatives, actuelles et exploitables.");
            assertThat(competence("C.5.1.1")).startsWith("Définir la politique de référencement des fournisseurs, "
                    + "agences et prestataires à mobiliser pour la réalisation des actions marketing digital et communication,");
            assertThat(competence("C.4.2.3")).contains("collaborateurs en situation handicap");
        }

        @Test
        void everyCompetenceIsOneSentence() {
            assertThat(seed.competences()).allSatisfy(competence -> {
                assertThat(competence.text()).doesNotStartWith("C.").endsWith(".");
                assertThat(competence.text()).doesNotContain("<", ">", "&amp;", "  ");
            });
        }

        @Test
        void noTextKeepsMarkupOrListPunctuation() {
            assertThat(seed.criteria().flatMap(criterion -> criterion.indicators().stream())).allSatisfy(indicator ->
                    assertThat(indicator).doesNotStartWith("-").doesNotStartWith("•").doesNotEndWith(",")
                            .doesNotContain("<", "&amp;", "  "));
            assertThat(seed.activities().filter(activity -> activity.code().equals("A.3.2")).findFirst().orElseThrow().title()).isEqualTo(
                    "Traduction de la stratégie marketing digital de son entreprise ou de l'organisation cliente sur le plan opérationnel");
        }
    }

    @Nested
    class Productions {

        @Test
        void workModesAndFormatsFollowTheSeed() {
            assertThat(seed.components()).extracting(Component::code, component -> component.assessment().modality(),
                            component -> component.assessment().workMode(), component -> component.assessment().formats())
                    .containsExactly(
                            tuple("A.1", "Note d'analyse", WorkMode.COLLECTIVE, List.of(Format.WRITTEN, Format.ORAL)),
                            tuple("A.2", "Etude de cas", WorkMode.INDIVIDUAL, List.of(Format.WRITTEN, Format.ORAL)),
                            tuple("A.3", "Etude de cas ou mise en situation", WorkMode.COLLECTIVE, List.of(Format.WRITTEN, Format.ORAL)),
                            tuple("A.4", "Etude de cas", WorkMode.INDIVIDUAL, List.of(Format.WRITTEN)),
                            tuple("A.5", "Etude de cas", WorkMode.INDIVIDUAL, List.of(Format.WRITTEN, Format.ORAL)));
        }

        @Test
        void productionsHaveTheirNamesAndContentItems() {
            assertThat(seed.components()).extracting(component -> component.assessment().name(),
                            component -> component.assessment().contents().size())
                    .containsExactly(
                            tuple("Note d'analyse sur les évolutions et tendances d'un périmètre défini dans les secteurs du digital et de la communication", 0),
                            tuple("Etude de cas", 0),
                            tuple("Une stratégie marketing digital et les actions de communication associées", 9),
                            tuple("Un plan de management de projet", 6),
                            tuple("La conduite du processus d'achat d'une prestation", 6));
        }

        @Test
        void onlyTheProcurementCaseRequiresEnglishDocuments() {
            assertThat(seed.components().filter(component -> component.assessment().englishRequired()))
                    .extracting(Component::code).containsExactly("A.5");
            Assessment procurement = seed.component("A.5").orElseThrow().assessment();
            assertThat(procurement.contents()).contains(
                    "le document de cadrage du service ou du bien recherché, rédigé en anglais",
                    "la collecte et l'analyse de devis rédigés en anglais");
            // The whole case: the two English documents required, the candidate's tools and any other part optional.
            assertThat(procurement.documents()).extracting(AssessmentDocument::code, AssessmentDocument::language,
                    AssessmentDocument::multiple, AssessmentDocument::isRequired).containsExactly(
                    tuple("framing", "en", false, true), tuple("quotes", "en", true, true),
                    tuple("tools", null, true, false), tuple("other", null, true, false));
        }
    }

    static Criterion criterion(String code) {
        return seed.criteria().filter(criterion -> criterion.code().equals(code)).findFirst().orElseThrow();
    }

    static String competence(String code) {
        return seed.competences().filter(competence -> competence.code().equals(code)).findFirst().orElseThrow().text();
    }

    private static String codes(Stream<String> codes) {
        return codes.collect(Collectors.joining(" "));
    }
}
