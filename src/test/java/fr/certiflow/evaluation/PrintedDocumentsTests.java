package fr.certiflow.evaluation;

import fr.certiflow.documents.ConsolidatedGridWorkbook;
import fr.certiflow.documents.MinutesWorkbook;
import fr.certiflow.documents.ProgressWorkbook;
import fr.certiflow.grid.GridWorkbook;
import fr.certiflow.progress.CampaignProgress;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every generated workbook as it prints: written to {@code target/render}, converted to PDF by LibreOffice headless,
 * read back with poppler's {@code pdftotext -bbox}: every word of the workbook is printed whole, no word lies outside
 * its page, none is printed under 8 pt, no two words overlap. Skipped when {@code soffice} or {@code pdftotext} is
 * missing (CI installs them: {@code .ci/run}). In this package because the consolidated grid's ratings are made with
 * the evaluation package's constructors. The PDFs stay in {@code target/render/pdf} for a look.
 */
@Tag("unit")
class PrintedDocumentsTests {

    static final Path RENDER = Path.of("target/render");

    @Test
    void everyDocumentPrintsWholeInsideThePageAt8PointsOrMoreWithoutOverlaps() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(installed("soffice") && installed("pdftotext"), "LibreOffice and poppler needed");
        write();
        List<String> problems = printAndCheck(RENDER);
        org.assertj.core.api.Assertions.assertThat(problems).isEmpty();
    }

    /**
     * Prints every workbook of the folder to PDF (its {@code pdf} folder) and returns what is wrong with the printed
     * words, also written to its {@code problems.txt}.
     */
    static List<String> printAndCheck(Path folder) throws Exception {
        Path pdf = Files.createDirectories(folder.resolve("pdf"));
        List<Path> workbooks;
        try (var files = Files.list(folder)) {
            workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + RENDER.resolve("profile").toAbsolutePath().toUri(),
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdf.toString()));
        workbooks.forEach(workbook -> command.add(workbook.toString()));
        run(command);
        List<String> problems = new ArrayList<>();
        for (Path workbook : workbooks) {
            String name = workbook.getFileName().toString().replace(".xlsx", "");
            Path layout = pdf.resolve(name + ".html");
            run(List.of("pdftotext", "-bbox", pdf.resolve(name + ".pdf").toString(), layout.toString()));
            problems.addAll(PrintedWords.check(name, Files.readString(layout), PrintedWords.expected(workbook)));
        }
        Files.write(folder.resolve("problems.txt"), problems);
        return problems;
    }

    static boolean installed(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(RENDER.resolve("command.log").toFile()).start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: see " + RENDER.resolve("command.log"));
        }
    }

    static void write() throws Exception {
        Path dir = Files.createDirectories(RENDER);
        Referential seed;
        try (InputStream in = PrintedDocumentsTests.class.getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            seed = new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
        for (String c : new String[] {"A.1", "A.2", "A.3", "A.4", "A.5"}) {
            Files.write(dir.resolve("grille-" + c + ".xlsx"), GridWorkbook.write(seed, fr.certiflow.regulation.Regulations.shipped().scale(),
                    seed.component(c).orElseThrow(), new GridWorkbook.Header("Session de juin 2027 (S1)", "Léa Martin (n° 2027-001)",
                            "Marie Dupont", "du 01/06/2027 au 30/06/2027"), "token-1", 42L, "jure1"));
        }
        Files.write(dir.resolve("modele-cohorte.xlsx"), fr.certiflow.campaign.ImportTemplates.cohort());
        Files.write(dir.resolve("modele-jury.xlsx"), fr.certiflow.jury.JuryPoolTemplate.workbook());
        Component component = seed.component("A.2").orElseThrow();
        List<Evaluation> evaluations = new ArrayList<>();
        for (String juror : List.of("jure1", "jure2")) {
            evaluations.add(new Evaluation(1L, juror, "form", Instant.now(), component.criteria().stream()
                    .map(c -> new CriterionRating(c.code(), juror.equals("jure2") && c == component.criteria().get(1) ? "NON_ACQUIS" : "ACQUIS",
                            List.of(1, 2), "Analyse solide et bien argumentée ; les sources sont citées mais la synthèse "
                            + "des tendances manque de recul sur les usages émergents des publics visés."))
                    .toList()));
        }
        List<ConsolidatedRating> agreed = component.criteria().stream().map(Criterion::code)
                .map(code -> new ConsolidatedRating(1L, code, code.endsWith("2") ? "NON_ACQUIS" : "ACQUIS", code.endsWith("2"),
                        code.endsWith("2") ? "Les jurés se sont accordés après échange : la synthèse n'est pas démontrée." : null, "president"))
                .toList();
        Files.write(dir.resolve("grille-consolidee.xlsx"), ConsolidatedGridWorkbook.write("Grille consolidée — Session de juin 2027",
                "2027-001", component, fr.certiflow.regulation.Regulations.shipped(), evaluations, agreed, "Non validé",
                "Jury : Marie Dupont, Paul Roux — désigné par la règle d'affectation", null,
                Map.of("jure1", "Marie Dupont", "jure2", "Paul Roux", "president", "Claire Martin")));
        // A group's sitting: one grid per juror and one consolidated workbook for the group, a sheet per member.
        Component collective = seed.component("A.1").orElseThrow();
        String[][] group = {{"2027-001 Martin", "Léa Martin (n° 2027-001)"}, {"2027-002 Bernard", "Hugo Bernard (n° 2027-002)"},
                {"2027-003 Dubois", "Chloé Dubois (n° 2027-003)"}};
        List<GridWorkbook.Section> sheets = new ArrayList<>();
        List<ConsolidatedGridWorkbook.Section> consolidatedSheets = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            sheets.add(new GridWorkbook.Section(group[i][0], 42L + i, new GridWorkbook.Header("Session de juin 2027 (S1)",
                    group[i][1] + " — groupe G1, membre " + (i + 1) + " sur 3", "Marie Dupont", "du 01/06/2027 au 30/06/2027")));
            int member = i;
            List<Evaluation> memberEvaluations = new ArrayList<>();
            for (String juror : List.of("jure1", "jure2")) {
                memberEvaluations.add(new Evaluation(42L + i, juror, "grid", Instant.now(), collective.criteria().stream()
                        .map(c -> new CriterionRating(c.code(), member == 2 && c == collective.criteria().get(0) ? "NON_ACQUIS" : "ACQUIS",
                                List.of(1), "Membre " + (member + 1) + " : sa part de la soutenance est claire et argumentée."))
                        .toList()));
            }
            consolidatedSheets.add(new ConsolidatedGridWorkbook.Section(group[i][0], group[i][1] + " — groupe G1, membre "
                    + (i + 1) + " sur 3", memberEvaluations, collective.criteria().stream().map(Criterion::code)
                    .map(code -> new ConsolidatedRating(42L + member, code, member == 2 && code.endsWith("1") ? "NON_ACQUIS" : "ACQUIS",
                            false, null, null)).toList(), member == 2 ? "Non validé" : "Validé",
                    "Jury : Marie Dupont, Paul Roux — désigné par la règle d'affectation", null));
        }
        Files.write(dir.resolve("grille-groupe-A.1.xlsx"), GridWorkbook.writeGroup(seed,
                fr.certiflow.regulation.Regulations.shipped().scale(), collective, sheets, "token-2", "jure1"));
        Files.write(dir.resolve("grille-consolidee-groupe.xlsx"), ConsolidatedGridWorkbook.write(
                "Grille consolidée du groupe G1 — Session de juin 2027", collective, fr.certiflow.regulation.Regulations.shipped(),
                consolidatedSheets, Map.of("jure1", "Marie Dupont", "jure2", "Paul Roux")));
        for (int size : new int[] {3, 1000}) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("pv-" + size + ".xlsx"))) {
                MinutesWorkbook.write(out, header(seed), rows(size), new MinutesWorkbook.Jury(
                        "Jury de certification réuni le 30/06/2027 à 14:00 : membres présents",
                        "Désigné selon le Règlement de certification MMDC v1, révision 2 (au moins 3 membres dont un président de jury, quorum de 3) : 3 présent(s) sur 3 désigné(s).",
                        List.of("Claire Martin — présidente du jury (Agence Horizon)", "Marie Dupont (Cabinet Ouest)", "Paul Roux"), "Claire Martin"),
                        List.of("Bloc BC1 : délibéré par Claire Martin (" + size + " décisions)"));
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("avancement.xlsx"))) {
            List<CampaignProgress.CandidateProgress> candidates = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                candidates.add(new CampaignProgress.CandidateProgress(String.format("2027-%03d", i), "Lefèvre-Dumont" + i, "Hélène", i % 9 == 0 ? "" : "G" + (i % 5),
                        i % 9 == 0 ? "VAE" : "FORMATION", i % 9 == 0 ? "VAE — dossier de validation et entretien (Règlement de certification MMDC v1, révision 2)"
                                : "Formation — modalités d'évaluation du référentiel",
                        Map.of("BC1", "VALIDE", "BC2", "EN_COURS", "BC3", "PROPOSEE_NON_VALIDE"),
                        List.of(new CampaignProgress.ProductionProgress("A.1", 1, "ASSESSED", "VALIDE", null),
                                new CampaignProgress.ProductionProgress("A.2", 2, "UNDER_EVALUATION", null, null),
                                new CampaignProgress.ProductionProgress("A.3", 1, "AWAITING_SUBMISSION", null, null),
                                new CampaignProgress.ProductionProgress("A.4", 1, "HARMONISATION", null, null),
                                new CampaignProgress.ProductionProgress("A.5", 1, "ASSESSED", "NON_VALIDE", null)),
                        "PROPOSEE_NON_DELIVREE", List.of()));
            }
            ProgressWorkbook.write(out, new CampaignProgress.Report("S1", "Session de juin 2027", fr.certiflow.campaign.CampaignStatus.LAUNCHED,
                    new CampaignProgress.Counts(300, Map.of("ASSESSED", 120L, "UNDER_EVALUATION", 180L)), Map.of("VALIDE", 100L),
                    Map.of("VALIDE", 20L), Map.of("PROPOSEE_DELIVREE", 10L), candidates));
        }
    }

    static MinutesWorkbook.Header header(Referential seed) {
        return new MinutesWorkbook.Header(seed.title(), "Session de juin 2027 (S1-2027)",
                "MMDC version 1 (critères et indicateurs) ; règles de décision, échelle et jurys : Règlement de certification MMDC v1, révision 2",
                "ouverture le 02/03/2027 ; évaluations jusqu'au 15/06/2027 ; délibération le 30/06/2027",
                seed.blocs().stream().map(bloc -> new MinutesWorkbook.BlocColumns(bloc.code(), bloc.title(),
                        bloc.components().stream().map(Component::code).toList(),
                        bloc.components().stream().collect(Collectors.toMap(Component::code, Component::title)))).toList());
    }

    static List<MinutesWorkbook.CandidateRow> rows(int size) {
        List<MinutesWorkbook.CandidateRow> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(new MinutesWorkbook.CandidateRow(String.format("2027-%04d", i), "Lefèvre-Dumont", "Hélène-Marie",
                    i % 9 == 0 ? "VAE — dossier de validation et entretien" : "Formation",
                    Map.of("BC1", "Acquis le 30/06/2025", "BC2", "Validé", "BC3", i % 7 == 0 ? "Non validé (passage 2)" : "Validé"),
                    Map.of("A.1", "Validé", "A.2", "Validé", "A.3", "Validé", "A.4", "Non validé", "A.5", "En cours"),
                    i % 7 == 0 ? "Bloc BC3 : Non validé au lieu de Validé — le jury constate un plagiat partiel de la production écrite." : "",
                    i % 7 == 0 ? "Non délivrée" : "En attente du jury"));
        }
        return rows;
    }
}
