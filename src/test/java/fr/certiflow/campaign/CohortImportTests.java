package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.tabular.ImportProblem;
import fr.certiflow.tabular.ImportRefusedException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The cohort import: every rule, all problems at once with row and column, nothing imported on error. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class CohortImportTests {

    static final String UTF8_SEMICOLON = "CSV UTF-8, séparateur point-virgule";
    static final String HEADER = "N° candidat;Nom;Prénom;Courriel;Parcours;Groupe;Aménagement;Prolongation (jours);Formateur ou tuteur;Employeur;Blocs acquis\n";
    static final String VAE_IN_GROUP = "cohorte.csv, ligne %d, colonne « Groupe » : un candidat en VAE n'est jamais évalué en"
            + " groupe (VAE — dossier de validation et entretien, Règlement de certification MMDC v1, révision 2) : laissez le groupe vide";
    static final String VALID = HEADER
            + "2027-001;Martin;Léa;lea.martin@example.org;formation;G1;aucun;;Claire Dupont;Agence Horizon;\n"
            + "2027-002;Bernard;Hugo;hugo.bernard@example.org;formation;G1;tiers-temps;;Claire Dupont;Studio;\n"
            + "2027-003;Petit;Manon;manon.petit@example.org;VAE;;prolongation;10;;;BC1 (2025-06-30)\n";

    @Autowired
    CohortImport cohort;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    AssessmentFixture fixture;

    Campaign campaign;

    @BeforeEach
    void setUp() {
        campaign = fixture.campaign(c -> { });
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    CohortImport.Result importCsv(String csv) {
        return cohort.importFile(campaign.getId(), "cohorte.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** The files a French office produces, as real bytes (see src/test/resources/fixtures/csv). */
    @Nested
    class AsOfficesSaveThem {

        CohortImport.Result importFixture(String name) throws java.io.IOException {
            byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/fixtures/csv", name));
            return cohort.importFile(campaign.getId(), name, new ByteArrayInputStream(bytes));
        }

        void namesAreIntact() {
            assertThat(candidates.findByCampaignIdOrderByNumber(campaign.getId()))
                    .extracting(c -> c.getNumber() + " " + c.getLastName() + " " + c.getFirstName())
                    .containsExactly("00123 Lefèvre Hélène", "2027-002 Cœurdacier Zoé", "2027-003 Martin Léa; dite « Lé »");
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "cohorte-windows-1252-entetes-accentues.csv | CSV Windows-1252, séparateur point-virgule",
                "cohorte-windows-1252-entetes-sans-accent.csv | CSV Windows-1252, séparateur point-virgule",
                "cohorte-utf8-bom-point-virgule.csv | CSV UTF-8 avec BOM, séparateur point-virgule",
                "cohorte-utf8-virgule.csv | CSV UTF-8, séparateur virgule",
                "cohorte-tabulation.csv | CSV UTF-8, séparateur tabulation",
                "cohorte-iso-8859-15.csv | CSV ISO-8859-15, séparateur point-virgule"})
        void eachVariantIsReadWithItsNamesIntactAndTheAnswerSaysHow(String file, String format) throws Exception {
            assertThat(importFixture(file)).isEqualTo(new CohortImport.Result(3, 0, 0, 3, format));
            namesAreIntact();
        }

        @Test
        void anOdsWorkbookIsRefusedSayingHowToSaveItAsXlsx() throws Exception {
            ByteArrayOutputStream ods = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(ods)) {
                byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
                java.util.zip.ZipEntry mimetype = new java.util.zip.ZipEntry("mimetype");
                mimetype.setMethod(java.util.zip.ZipEntry.STORED);
                mimetype.setSize(type.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(type);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(type);
                zip.closeEntry();
                zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
                zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            assertThatThrownBy(() -> cohort.importFile(campaign.getId(), "cohorte.ods", new ByteArrayInputStream(ods.toByteArray())))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).extracting(ImportProblem::toString)
                            .containsExactly("cohorte.ods : les classeurs OpenDocument (.ods) ne sont pas acceptés : ouvrez-le dans "
                                    + "votre tableur et enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV », puis importez ce fichier"));
            assertThat(candidates.findByCampaignIdOrderByNumber(campaign.getId())).isEmpty();
        }
    }

    @Test
    void importsEveryColumn() {
        CohortImport.Result result = importCsv(VALID);
        assertThat(result).isEqualTo(new CohortImport.Result(3, 0, 0, 3, UTF8_SEMICOLON));
        Candidate vae = candidates.findByCampaignIdAndNumber(campaign.getId(), "2027-003").orElseThrow();
        assertThat(vae.getPathway()).isEqualTo(Pathway.VAE);
        assertThat(vae.getAccommodation()).isEqualTo(Accommodation.EXTENSION);
        assertThat(vae.getExtensionDays()).isEqualTo(10);
        assertThat(vae.getAcquiredBlocs()).containsEntry("BC1", LocalDate.of(2025, 6, 30));
        Candidate grouped = candidates.findByCampaignIdAndNumber(campaign.getId(), "2027-002").orElseThrow();
        assertThat(grouped.getGroupCode()).isEqualTo("G1");
        assertThat(grouped.getAccommodation()).isEqualTo(Accommodation.TIERS_TEMPS);
        assertThat(grouped.getTrainer()).isEqualTo("Claire Dupont");
    }

    @Test
    void reimportingIsIdempotentAndAChangedRowUpdatesItsCandidate() {
        importCsv(VALID);
        assertThat(importCsv(VALID)).isEqualTo(new CohortImport.Result(0, 0, 3, 3, UTF8_SEMICOLON));
        assertThat(importCsv(VALID.replace("Studio", "Studio Lumière"))).isEqualTo(new CohortImport.Result(0, 1, 2, 3, UTF8_SEMICOLON));
        assertThat(candidates.findByCampaignIdAndNumber(campaign.getId(), "2027-002").orElseThrow().getEmployer())
                .isEqualTo("Studio Lumière");
        assertThat(candidates.countByCampaignId(campaign.getId())).isEqualTo(3);
    }

    @Test
    void readsAnExcelWorkbookBuiltOnTheTemplate() throws Exception {
        byte[] workbook = onTheTemplate(
                new String[] {"00123", "=1+1", "Léa", "lea@example.org", "formation", "G1", "aucun", "", "", "", ""},
                new String[] {"2027-002", "=HYPERLINK(\"http://x\")", "Hugo", "hugo@example.org", "formation", "G1", "aucun", "", "", "", ""});
        // The name says csv: the bytes say workbook, and the bytes decide.
        CohortImport.Result result = cohort.importFile(campaign.getId(), "cohorte.csv", new ByteArrayInputStream(workbook));
        assertThat(result).isEqualTo(new CohortImport.Result(2, 0, 0, 2, "classeur Excel (.xlsx)"));
        assertThat(candidates.findByCampaignIdAndNumber(campaign.getId(), "00123").orElseThrow().getLastName()).isEqualTo("=1+1");
        assertThat(candidates.findByCampaignIdAndNumber(campaign.getId(), "2027-002").orElseThrow().getLastName())
                .isEqualTo("=HYPERLINK(\"http://x\")");
    }

    @Test
    void theTemplatesExampleRowCopiedIntoTheDataIsRefusedAndNothingImported() throws Exception {
        String[] example = ImportTemplates.COHORT.stream().map(ImportTemplates.Column::example).toArray(String[]::new);
        byte[] workbook = onTheTemplate(example,
                new String[] {"2027-002", "Bernard", "Hugo", "hugo@example.org", "formation", "G1", "aucun", "", "", "", ""});
        assertThatThrownBy(() -> cohort.importFile(campaign.getId(), "cohorte.xlsx", new ByteArrayInputStream(workbook)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).extracting(ImportProblem::toString)
                        .containsExactly("cohorte.xlsx, ligne 2, colonne « Courriel » : " + ImportTemplates.EXAMPLE_ROW));
        assertThat(candidates.findByCampaignIdOrderByNumber(campaign.getId())).isEmpty();
    }

    /** The cohort template with these rows typed under its headers. */
    static byte[] onTheTemplate(String[]... rows) throws java.io.IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(ImportTemplates.cohort()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.getRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    (row.getCell(i) == null ? row.createCell(i) : row.getCell(i)).setCellValue(rows[r][i]);
                }
            }
            sheet.getRow(1).getCell(1).setCellFormula("1+1");
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void formulaLikeTextIsStoredAsTyped() {
        importCsv(HEADER + "2027-010;=cmd|' /C calc'!A0;+Léa;lea@example.org;;;;;@Formateur;-Employeur;\n"
                + "2027-011;Autre;Hugo;hugo@example.org;;;;;;;\n");
        Candidate candidate = candidates.findByCampaignIdAndNumber(campaign.getId(), "2027-010").orElseThrow();
        assertThat(candidate.getLastName()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(candidate.getFirstName()).isEqualTo("+Léa");
        assertThat(candidate.getTrainer()).isEqualTo("@Formateur");
        assertThat(candidate.getEmployer()).isEqualTo("-Employeur");
    }

    @Nested
    class Refusals {

        @Test
        void aCandidateAssessedOnACollectiveComposanteWithoutAGroupIsAProblemOfItsRowAndNothingIsImported() {
            campaign = fixture.campaign(c -> c.allowIndividualWork(List.of()));
            String csv = "N° candidat;Nom;Prénom;Courriel;Parcours;Groupe;Blocs acquis\n"
                    + "2027-001;Martin;Léa;lea@example.org;Formation;G1;\n"
                    + "2027-002;Petit;Hugo;hugo@example.org;Formation;G1;\n"
                    + "2027-003;Durand;Manon;manon@example.org;Formation;;\n"
                    // BC1 held: only A.3 (BC2) is assessed in a group.
                    + "2027-004;Roux;Inès;ines@example.org;Formation;;BC1 (2025-06-30)\n"
                    // BC1 and BC2 held: nothing collective left. A VAE candidate is never in a group.
                    + "2027-005;Blanc;Théo;theo@example.org;Formation;;BC1 (2025-06-30), BC2 (2025-06-30)\n"
                    + "2027-006;Noir;Zoé;zoe@example.org;VAE;;\n";
            assertThatThrownBy(() -> importCsv(csv)).isInstanceOfSatisfying(ImportRefusedException.class, e ->
                    assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(
                            "cohorte.csv, ligne 4, colonne « Groupe » : le candidat n° 2027-003 est évalué en travail collectif"
                                    + " sur les composantes A.1, A.3 (référentiel) : indiquez son groupe",
                            "cohorte.csv, ligne 5, colonne « Groupe » : le candidat n° 2027-004 est évalué en travail collectif"
                                    + " sur la composante A.3 (référentiel) : indiquez son groupe"));
            assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
        }

        @Test
        void aCampaignThatAllowsIndividualWorkOnAComposanteAcceptsCandidatesWithoutAGroupOnIt() {
            String csv = "N° candidat;Nom;Prénom;Courriel\n2027-003;Durand;Manon;manon@example.org\n";
            // A.1 allowed alone, A.3 not: the row is still a problem, for A.3 only, and says what the campaign allows.
            campaign = fixture.campaign(c -> c.allowIndividualWork(List.of("A.1")));
            assertThatThrownBy(() -> importCsv(csv)).isInstanceOfSatisfying(ImportRefusedException.class, e ->
                    assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(
                            "cohorte.csv, ligne 2, colonne « Groupe » : le candidat n° 2027-003 est évalué en travail collectif"
                                    + " sur la composante A.3 (référentiel) : indiquez son groupe (travail individuel autorisé"
                                    + " par la campagne : A.1)"));
            assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
            // Both allowed: imported.
            campaign = fixture.campaign(c -> c.allowIndividualWork(List.of("A.1", "A.3")));
            assertThat(importCsv(csv).created()).isEqualTo(1);
        }

        @Test
        void everyProblemIsReportedWithItsRowAndColumnAndNothingIsImported() {
            String csv = HEADER
                    + "2027-001;Martin;;lea.martin@example;formation;;aucun;;;;\n"
                    + "2027-001;Bernard;Hugo;hugo@example.org;apprentissage;;tiers temps;;;;BC9 (2025-06-30)\n"
                    + "2027-003;Petit;Manon;hugo@example.org;VAE;G7;prolongation;;;;BC1 (30 juin)\n";
            assertThatThrownBy(() -> importCsv(csv)).isInstanceOfSatisfying(ImportRefusedException.class, e ->
                    assertThat(e.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                            "cohorte.csv, ligne 2, colonne « Prénom » : valeur obligatoire manquante",
                            "cohorte.csv, ligne 2, colonne « Courriel » : adresse « lea.martin@example » invalide",
                            "cohorte.csv, ligne 3, colonne « Parcours » : parcours « apprentissage » inconnu (formation ou VAE)",
                            "cohorte.csv, ligne 3, colonne « Blocs acquis » : bloc « BC9 » inconnu du référentiel (BC1, BC2, BC3)",
                            "cohorte.csv, ligne 3, colonne « N° candidat » : numéro « 2027-001 » déjà présent ligne 2",
                            "cohorte.csv, ligne 4, colonne « Prolongation (jours) » : nombre de jours obligatoire pour une prolongation",
                            "cohorte.csv, ligne 4, colonne « Blocs acquis » : date « 30 juin » du bloc BC1 illisible (AAAA-MM-JJ ou JJ/MM/AAAA)",
                            "cohorte.csv, ligne 4, colonne « Courriel » : courriel « hugo@example.org » déjà présent ligne 3",
                            VAE_IN_GROUP.formatted(4)));
            assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
        }

        @Test
        void datesThatDoNotExistAreProblemsOfTheirRowAndColumn() {
            String csv = HEADER
                    + "2027-001;Martin;Léa;lea@example.org;;;;;;;BC1 (31/02/2025)\n"
                    + "2027-002;Petit;Hugo;hugo@example.org;;;;;;;BC1 (2025-06-30), BC2 (2025-02-29)\n"
                    + "2027-003;Durand;Manon;manon@example.org;;;;;;;BC3 (2025-13-01)\n";
            assertThatThrownBy(() -> importCsv(csv)).isInstanceOfSatisfying(ImportRefusedException.class, e ->
                    assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(
                            "cohorte.csv, ligne 2, colonne « Blocs acquis » : date « 31/02/2025 » du bloc BC1 illisible (AAAA-MM-JJ ou JJ/MM/AAAA)",
                            "cohorte.csv, ligne 3, colonne « Blocs acquis » : date « 2025-02-29 » du bloc BC2 illisible (AAAA-MM-JJ ou JJ/MM/AAAA)",
                            "cohorte.csv, ligne 4, colonne « Blocs acquis » : date « 2025-13-01 » du bloc BC3 illisible (AAAA-MM-JJ ou JJ/MM/AAAA)"));
            assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
        }

        @Test
        void aBlocCannotHaveBeenAcquiredAfterToday() {
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T12:00:00Z")));
            assertThatThrownBy(() -> importCsv(HEADER + "2027-001;Martin;Léa;lea@example.org;;;;;;;BC1 (11/03/2026)\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                            .hasToString("cohorte.csv, ligne 2, colonne « Blocs acquis » : date « 11/03/2026 » du bloc BC1 dans le futur : "
                                    + "un bloc ne peut pas avoir été acquis après aujourd'hui (10/03/2026)"));
            assertThat(importCsv(HEADER + "2027-001;Martin;Léa;lea@example.org;;;;;;;BC1 (10/03/2026)\n").created()).isEqualTo(1);
        }

        @Test
        void a29FebruaryOfALeapYearIsAcceptedInBothForms() {
            importCsv(HEADER + "2027-001;Martin;Léa;lea@example.org;;;;;;;BC1 (29/02/2024), BC2 (2024-02-29)\n");
            assertThat(candidates.findByCampaignIdAndNumber(campaign.getId(), "2027-001").orElseThrow().getAcquiredBlocs())
                    .containsEntry("BC1", LocalDate.of(2024, 2, 29)).containsEntry("BC2", LocalDate.of(2024, 2, 29));
        }

        @Test
        void todayIsTodayInParis() {
            // 23:30 in UTC is already the next day in Paris, where the certification takes place
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T23:30:00Z")));
            assertThat(importCsv(HEADER + "2027-001;Martin;Léa;lea@example.org;;;;;;;BC1 (11/03/2026)\n").created()).isEqualTo(1);
        }

        @Test
        void aTextLongerThanItsFieldIsAProblemOfItsRowAndColumn() {
            String name = "N".repeat(201);
            assertThatThrownBy(() -> importCsv(HEADER + "2027-001;" + name + ";Léa;lea@example.org;;;;;;" + "E".repeat(200) + ";\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                            .hasToString("cohorte.csv, ligne 2, colonne « Nom » : texte de 201 caractères, 200 au plus"));
            assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
        }

        @Test
        void tiersTempsWithASpaceIsAcceptedButAnUnknownAccommodationIsNot() {
            assertThat(importCsv(HEADER + "2027-001;Martin;Léa;lea@example.org;;;tiers temps;;;;\n").created()).isEqualTo(1);
            assertThatThrownBy(() -> importCsv(HEADER + "2027-002;Martin;Léo;leo@example.org;;;mi-temps;;;;\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                            .hasToString("cohorte.csv, ligne 2, colonne « Aménagement » : aménagement « mi-temps » inconnu (aucun, tiers-temps ou prolongation)"));
        }

        @Test
        void anEmailOfAnotherCandidateOfTheCampaign() {
            importCsv(VALID);
            assertThatThrownBy(() -> importCsv(HEADER + "2027-009;Autre;Léa;lea.martin@example.org;;;;;;;\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                            .hasToString("cohorte.csv, ligne 2, colonne « Courriel » : courriel « lea.martin@example.org » déjà utilisé par le candidat n° 2027-001 de la campagne"));
        }

        @Test
        void aVaeCandidateInAGroupIsAProblemOfTheRowAndNothingIsImported() {
            assertThatThrownBy(() -> importCsv(HEADER
                    + "2027-001;Martin;Léa;lea@example.org;formation;G1;;;;;\n"
                    + "2027-002;Bernard;Hugo;hugo@example.org;formation;G1;;;;;\n"
                    + "2027-003;Petit;Manon;manon@example.org;VAE;G1;;;;;\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                            .hasToString(VAE_IN_GROUP.formatted(4)));
            assertThat(candidates.countByCampaignId(campaign.getId())).isZero();
        }

        @Test
        void aGroupTooLarge() {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 1; i <= 7; i++) {
                csv.append("2027-10").append(i).append(";N;P;p").append(i).append("@example.org;;G9;;;;;\n");
            }
            assertThatThrownBy(() -> importCsv(csv.toString())).isInstanceOfSatisfying(ImportRefusedException.class, e ->
                    assertThat(e.problems()).singleElement().extracting(ImportProblem::message).asString()
                            .startsWith("le groupe « G9 » compte 7 membre(s)"));
        }

        @Test
        void unknownAndMissingColumns() {
            assertThatThrownBy(() -> importCsv("N° candidat;Nom;Courriel;Téléphone\n2027-001;Martin;a@b.fr;0102\n"))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems())
                            .extracting(ImportProblem::toString).containsExactly(
                                    "cohorte.csv, ligne 1, colonne « Téléphone » : colonne inconnue",
                                    "cohorte.csv, ligne 1, colonne « Prénom » : colonne obligatoire absente"));
        }

        @Test
        void aFileThatIsNeitherAWorkbookNorACsv() {
            byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> cohort.importFile(campaign.getId(), "cohorte.xlsx", new ByteArrayInputStream(pdf)))
                    .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.problems()).singleElement()
                            .extracting(ImportProblem::message).asString().startsWith("ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV"));
        }

        @Test
        void aLaunchedCampaignsCohortIsClosed() {
            importCsv(VALID);
            fixture.standardJury(campaign);
            fixture.launch(campaign);
            assertThatThrownBy(() -> importCsv(VALID)).hasMessageContaining("est lancée : sa cohorte ne peut plus être importée");
        }
    }
}
