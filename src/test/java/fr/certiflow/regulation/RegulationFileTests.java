package fr.certiflow.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.referential.model.InvalidFileException;
import fr.certiflow.referential.model.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Règlement files read and validated as at start: what they hold, and every problem named with its element. */
@Tag("unit")
class RegulationFileTests {

    @Test
    void theShippedReglementHoldsTheCertifiersCurrentChoices() {
        Regulation regulation = Regulations.shipped();
        assertThat(regulation.title()).isEqualTo("Règlement de certification MMDC v1, révision 2");
        assertThat(regulation.scale().levels()).extracting(Regulation.Level::label).containsExactly("Acquis", "Non acquis");
        assertThat(regulation.scale().acquired("ACQUIS")).isTrue();
        assertThat(regulation.scale().acquired("NON_ACQUIS")).isFalse();
        assertThat(regulation.component().minimumAcquiredPercent()).isEqualTo(100);
        assertThat(regulation.juries().production().jurors()).isEqualTo(2);
        assertThat(regulation.juries().production().presidentsEvaluate()).isFalse();
        assertThat(regulation.bloc().stillValid(LocalDate.of(2001, 1, 1), LocalDate.of(2027, 1, 1))).isTrue();
        Instant opens = Instant.parse("2027-01-01T00:00:00Z");
        assertThat(regulation.accommodations().tiersTemps().deadline().extend(opens, Instant.parse("2027-01-31T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-02-10T00:00:00Z"));
        assertThat(regulation.slug()).isEqualTo("mmdc-v1-r2");
        assertThat(regulation.bloc().requiredValidated(2)).isEqualTo(2);
        assertThat(regulation.bloc().describeDecision()).isEqualTo("toutes ses composantes validées");
        assertThat(regulation.certification().requiredAcquired(3)).isEqualTo(3);
        assertThat(regulation.certification().describe()).isEqualTo("tous ses blocs acquis");
        assertThat(regulation.juries().certification().chair()).isEqualTo("jury-president");
    }

    /** The fixture validates a bloc with one composante of its two (or of its one); the shipped one needs them all. */
    @Test
    void theBlocAndCertificationRulesAreTheReglementsFigures() {
        Regulation fixture = Regulations.fourLevels();
        assertThat(fixture.bloc().requiredValidated(2)).isEqualTo(1);
        assertThat(fixture.bloc().requiredValidated(1)).isEqualTo(1);
        assertThat(fixture.bloc().describeDecision())
                .isEqualTo("au moins 1 de ses composantes validées (toutes lorsqu'il en compte moins)");
        assertThat(fixture.certification().requiredAcquired(3)).isEqualTo(2);
        assertThat(fixture.certification().describe()).isEqualTo("au moins 2 blocs acquis");
    }

    @Test
    void theFixtureMakesOtherChoices() {
        assertThat(Regulations.fourLevels().pathways().vae().jury().externalMinimum()).isEqualTo(2);
        Regulation regulation = Regulations.fourLevels();
        assertThat(regulation.scale().choices()).isEqualTo("Maîtrisé, Acquis, En cours d'acquisition ou Non acquis");
        assertThat(regulation.scale().acquiredLevels()).extracting(Regulation.Level::code).containsExactly("MAITRISE", "ACQUIS");
        assertThat(regulation.scale().level("en cours d'acquisition")).map(Regulation.Level::code).contains("EN_COURS");
        assertThat(regulation.bloc().stillValid(LocalDate.of(2021, 6, 30), LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(regulation.bloc().stillValid(LocalDate.of(2023, 6, 30), LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    void aBrokenReglementListsEveryProblemWithItsElement() {
        assertThatThrownBy(() -> Regulations.read(Path.of("src/test/resources/fixtures/regulations-broken/mmdc-v1-r9-broken.yaml")))
                .isInstanceOf(InvalidRegulationException.class)
                .hasMessageStartingWith("Règlement file 'src/test/resources/fixtures/regulations-broken/mmdc-v1-r9-broken.yaml' is invalid")
                .satisfies(thrown -> assertThat(((InvalidFileException) thrown).problems()).extracting(Problem::toString)
                        .containsExactlyInAnyOrder(
                                "scale.levels[1].code: 'ACQUIS' is used by another level",
                                "component.minimumAcquiredPercent: must be between 1 and 100, found 120",
                                "component.requiredCriteria: 'A.9-CR1' is not a criterion of référentiel MMDC version 1",
                                "juries.production.jurors: must be between 1 and 9, found 0",
                                "accommodations.tiersTemps.oral: is required",
                                "juries.production.externalMinimum: must be between 0 and 0, found 1",
                                "juries.production.languageQualifiedMinimum: must be between 0 and 0, found 1",
                                "pathways.vae.documents[0].code: 'Dossier VAE' is not a document code (lower case letters, digits, hyphens, 32 characters at most)",
                                "pathways.vae.documents[0].label: is required",
                                "pathways.vae.jury.jurors: must be between 1 and 9, found 0",
                                "pathways.vae.jury.externalMinimum: must be between 0 and 0, found 1",
                                "pathways.vae.jury.languageQualifiedMinimum: must be between 0 and 0, found 1",
                                "resits.keep: 'everything' is not what a resit keeps: validated-components (the "
                                        + "composantes validated) or nothing (the whole bloc is assessed again)",
                                "bloc.minimumValidatedComponents: 'most' is neither all nor a number",
                                "certification.minimumAcquiredBlocs: must be all or at most 3 (the blocs of the "
                                        + "référentiel), found 4",
                                "juries.certification.chair: 'the-oldest' is not who chairs the certification jury: "
                                        + "jury-president (a jury president of the campaign's pool), the only choice "
                                        + "supported"));
    }

    /** What tiers-temps gives at an oral is the certifier's sentence, written in each règlement; none stops the start. */
    @Test
    void whatTiersTempsGivesAtAnOralIsWrittenInTheReglement() throws Exception {
        Regulation shipped = Regulations.shipped();
        assertThat(shipped.accommodations().tiersTemps().oralNotice(shipped)).isEqualTo("tiers-temps — temps de "
                + "préparation et de soutenance majorés d'un tiers (" + shipped.title() + ")");
        assertThat(Regulations.fourLevels().accommodations().tiersTemps().oral())
                .isEqualTo("durée de la soutenance majorée d'un tiers, sans temps de préparation");
        String noOral = Files.readString(Regulations.SHIPPED)
                .replaceAll("(?m)^    oral: temps de préparation.*\n", "");
        assertThatThrownBy(() -> RegulationCatalog.read("no-oral.yaml",
                new ByteArrayInputStream(noOral.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactly("accommodations.tiersTemps.oral: is required"));
    }

    /** What a resit keeps is the certifier's choice, written in each règlement: no default in the code. */
    @Test
    void whatAResitKeepsIsWrittenInTheReglement() throws Exception {
        Regulation shipped = Regulations.shipped();
        assertThat(shipped.resits().keep()).isEqualTo("validated-components");
        assertThat(shipped.resits().keepsValidatedComponents()).isTrue();
        Regulation fixture = Regulations.fourLevels();
        assertThat(fixture.resits().keep()).isEqualTo("nothing");
        assertThat(fixture.resits().keepsValidatedComponents()).isFalse();

        String unwritten = Files.readString(Regulations.SHIPPED).replace("  keep: \"validated-components\"\n", "");
        assertThatThrownBy(() -> RegulationCatalog.read("no-keep.yaml",
                new ByteArrayInputStream(unwritten.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactly(
                                "resits.keep: is required (what a resit keeps: validated-components (the composantes validated) or "
                                        + "nothing (the whole bloc is assessed again))"));
        String misspelt = Files.readString(Regulations.SHIPPED).replace("keep: \"validated-components\"", "keep: \"validated\"");
        assertThatThrownBy(() -> RegulationCatalog.read("misspelt-keep.yaml",
                new ByteArrayInputStream(misspelt.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .hasMessageStartingWith("Règlement file 'misspelt-keep.yaml' is invalid")
                .hasMessageContaining("resits.keep: 'validated' is not what a resit keeps");
    }

    @Test
    void theVaeRouteComesFromTheReglement() {
        Regulation regulation = Regulations.shipped();
        assertThat(regulation.pathways().vae().documents()).extracting(Regulation.PathwayDocument::code).containsExactly("dossier");
        assertThat(regulation.pathways().vae().interview()).isEqualTo("Entretien avec le jury");
        assertThat(regulation.pathways().vae().jury().jurors()).isEqualTo(2);
        assertThat(regulation.route(true))
                .isEqualTo("VAE — dossier de validation et entretien (Règlement de certification MMDC v1, révision 2)");
        assertThat(regulation.route(false)).isEqualTo("Formation — modalités d'évaluation du référentiel");
        assertThat(Regulations.fourLevels().pathways().vae().jury().jurors()).isEqualTo(2);
    }

    @Test
    void aBrokenPathwaysSectionStopsTheStartWithItsElement() throws Exception {
        String shipped = Files.readString(Regulations.SHIPPED);
        String noDossier = shipped.replace("""
                    documents:
                      - code: "dossier"
                        label: "Dossier de validation du bloc"
                """, "    documents: []\n").replace("interview: \"Entretien avec le jury\"", "interview: \" \"");
        assertThatThrownBy(() -> RegulationCatalog.read("no-dossier.yaml",
                new ByteArrayInputStream(noDossier.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactlyInAnyOrder(
                                "pathways.vae.documents: needs at least one document (the dossier de validation)",
                                "pathways.vae.interview: is blank: name the interview, or leave it out for none"));
        String noJury = shipped.replaceAll("(?s)\n    # The jury of a VAE.*", "\n");
        assertThatThrownBy(() -> RegulationCatalog.read("no-vae-jury.yaml",
                new ByteArrayInputStream(noJury.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .hasMessageContaining("pathways.vae.jury: is required");
        String noPathways = shipped.replaceAll("(?s)\npathways:.*", "\n");
        assertThatThrownBy(() -> RegulationCatalog.read("no-pathways.yaml",
                new ByteArrayInputStream(noPathways.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .hasMessageContaining("pathways: is required");
    }

    /**
     * No element of a règlement names a level by its code outside the scale: a level the scale does not define well is
     * the broken case (a code that is not one, a label used twice, no level acquired, or every one).
     */
    @Test
    void aScaleWhoseLevelsAreNotWellDefinedStopsTheStartWithItsElement() throws Exception {
        String shipped = Files.readString(Regulations.SHIPPED);
        String badCodes = shipped.replace("code: \"NON_ACQUIS\"", "code: \"non acquis\"")
                .replace("label: \"Non acquis\"", "label: \"acquis\"");
        assertThatThrownBy(() -> RegulationCatalog.read("bad-levels.yaml",
                new ByteArrayInputStream(badCodes.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactlyInAnyOrder(
                                "scale.levels[1].code: 'non acquis' is not a level code (capitals, digits, underscores, 32"
                                        + " characters at most)",
                                "scale.levels[1].label: 'acquis' is used by another level"));
        String noneAcquired = shipped.replace("acquired: true", "acquired: false");
        assertThatThrownBy(() -> RegulationCatalog.read("none-acquired.yaml",
                new ByteArrayInputStream(noneAcquired.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .hasMessageContaining("scale.levels: no level counts as acquired");
        String allAcquired = shipped.replace("acquired: false", "acquired: true");
        assertThatThrownBy(() -> RegulationCatalog.read("all-acquired.yaml",
                new ByteArrayInputStream(allAcquired.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .hasMessageContaining("scale.levels: every level counts as acquired: a criterion could never fail");
    }

    @Test
    void aCertificationJuryOfZeroOrAQuorumAboveItsMembersIsNamed() throws Exception {
        String shipped = Files.readString(Regulations.SHIPPED);
        String zero = shipped.replace("minimumMembers: 3", "minimumMembers: 0").replace("quorum: 3", "quorum: 1");
        assertThatThrownBy(() -> RegulationCatalog.read("zero-jury.yaml",
                new ByteArrayInputStream(zero.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).contains("juries.certification.minimumMembers: must be 1 or more, found 0"));
        String quorum = shipped.replace("quorum: 3", "quorum: 4");
        assertThatThrownBy(() -> RegulationCatalog.read("quorum.yaml",
                new ByteArrayInputStream(quorum.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactly("juries.certification.quorum: must be between 1 and 3, found 4"));
    }

    @Test
    void blocAndCertificationRulesOutOfRangeOrUnwrittenAreNamed() throws Exception {
        String shipped = Files.readString(Regulations.SHIPPED);
        String outOfRange = shipped.replace("minimumValidatedComponents: \"all\"", "minimumValidatedComponents: 3")
                .replace("minimumAcquiredBlocs: \"all\"", "minimumAcquiredBlocs: 0");
        assertThatThrownBy(() -> RegulationCatalog.read("out-of-range.yaml",
                new ByteArrayInputStream(outOfRange.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactlyInAnyOrder(
                                "bloc.minimumValidatedComponents: must be all or at most 2 (the composantes of its "
                                        + "largest bloc), found 3",
                                "certification.minimumAcquiredBlocs: must be all or 1 or more, found 0"));
        String unwritten = shipped.replace("  minimumValidatedComponents: \"all\"\n", "")
                .replace("    chair: \"jury-president\"\n", "").replaceAll("(?s)\ncertification:.*?\n\n", "\n\n");
        assertThatThrownBy(() -> RegulationCatalog.read("unwritten.yaml",
                new ByteArrayInputStream(unwritten.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOfSatisfying(InvalidRegulationException.class, thrown -> assertThat(thrown.problems())
                        .extracting(Problem::toString).containsExactlyInAnyOrder(
                                "bloc.minimumValidatedComponents: is required (all, or a number)",
                                "certification: is required",
                                "juries.certification.chair: is required (who chairs the certification jury: "
                                        + "jury-president (a jury president of the campaign's pool), the only choice "
                                        + "supported)"));
    }

    @Test
    void anUnknownFieldOrAMissingSectionIsNamedWithItsLine() throws Exception {
        String text = Files.readString(Regulations.SHIPPED).replace("      acquired: false", "      acquired: false\n      acquis: false");
        assertThatThrownBy(() -> RegulationCatalog.read("typo.yaml",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .isInstanceOf(InvalidRegulationException.class)
                .hasMessageContaining("scale.levels[1]")
                .hasMessageContaining("unknown field 'acquis'");
        String noScale = Files.readString(Regulations.SHIPPED).replaceAll("(?s)\nscale:.*?\n\n", "\n\n");
        assertThatThrownBy(() -> RegulationCatalog.read("no-scale.yaml",
                new ByteArrayInputStream(noScale.getBytes(StandardCharsets.UTF_8)), version -> Regulations.seed()))
                .hasMessageContaining("scale: is required");
    }

    @Test
    void aReglementForAnUnpublishedReferentialIsRefused() throws Exception {
        String text = Files.readString(Regulations.SHIPPED);
        assertThatThrownBy(() -> RegulationCatalog.read("orphan.yaml",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), version -> null))
                .hasMessageContaining("referential: référentiel MMDC version 1 is not published");
    }
}
