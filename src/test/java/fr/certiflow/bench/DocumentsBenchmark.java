package fr.certiflow.bench;

import fr.certiflow.documents.MinutesWorkbook;
import fr.certiflow.documents.ProgressWorkbook;
import fr.certiflow.grid.GridWorkbook;
import fr.certiflow.progress.CampaignProgress;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.Regulations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Documents benchmark (not a test): evaluation grids per second against a bare POI workbook with the same cells, and
 * the PV and progress workbook for 10,000 candidates with their time and the heap's peak. {@code mvn -Pbench verify}
 * runs it in a JVM limited to 128 MiB of heap, so that finishing proves the bounded memory; it prints a table and
 * writes target/bench/documents.json.
 */
public final class DocumentsBenchmark {

    private DocumentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("documents")) {
            return;
        }
        Referential seed;
        try (InputStream in = DocumentsBenchmark.class.getResourceAsStream("/referentials/mmdc-v1.yaml")) {
            seed = new ReferentialParser().parse("mmdc-v1.yaml", in);
        }
        Component component = seed.component("A.3").orElseThrow();
        int grids = Integer.getInteger("bench.grids", 300);
        int candidates = Integer.getInteger("bench.minutes.candidates", 10_000);

        // Read once, as the application does (GridGeneration gets it from the loaded règlement): not measured.
        Regulation.Scale scale = Regulations.shipped().scale();
        for (int i = 0; i < 30; i++) { // warm-up
            grid(seed, scale, component, i);
            bare(seed, scale, component, i);
        }
        // Alternating rounds, so that what the machine's other work costs falls on both alike.
        double gridSeconds = 0;
        double bareSeconds = 0;
        int rounds = 10;
        int done = rounds * (grids / rounds);
        // Also the thread's CPU time: on a shared machine the wall time counts the other processes' turns too.
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double gridCpu = 0;
        double bareCpu = 0;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < grids / rounds; i++) {
                grid(seed, scale, component, i);
            }
            gridSeconds += (System.nanoTime() - start) / 1e9;
            gridCpu += (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            for (int i = 0; i < grids / rounds; i++) {
                bare(seed, scale, component, i);
            }
            bareSeconds += (System.nanoTime() - start) / 1e9;
            bareCpu += (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        }

        Measure minutesSmall = measure(out -> minutes(out, seed, 1_000));
        Measure minutes = measure(out -> minutes(out, seed, candidates));
        Measure progress = measure(out -> ProgressWorkbook.write(out, progress(candidates)));

        System.out.println();
        System.out.println("Documents benchmark (Apache POI " + org.apache.poi.Version.getVersion() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
        System.out.printf(Locale.ROOT, "| %-46s | %12s |%n", "figure", "value");
        System.out.printf(Locale.ROOT, "| %-46s | %12.1f |%n", "evaluation grids per second (A.3, 6 criteria)", done / gridSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.1f |%n", "bare POI workbooks per second (same cells)", done / bareSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "ratio Certiflow grid / bare (time)", gridSeconds / bareSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "ratio Certiflow grid / bare (thread CPU time)", gridCpu / bareCpu);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "PV, " + candidates + " candidates (s)", minutes.seconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "PV, " + candidates + " candidates, CPU (s)", minutes.cpuSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "PV, " + candidates + " candidates, peak heap (MiB)", minutes.peakMiB);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "PV, 1000 candidates, peak heap (MiB)", minutesSmall.peakMiB);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "PV size, " + candidates + " candidates (KiB)", minutes.bytes / 1024);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "progress workbook, " + candidates + " candidates (s)", progress.seconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "progress workbook, CPU (s)", progress.cpuSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "progress workbook, peak heap (MiB)", progress.peakMiB);
        String machine = BenchSupport.machine(null);
        System.out.println("machine: " + machine);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/documents.json"), String.format(Locale.ROOT,
                "{\"gridsPerSecond\": %.1f, \"barePerSecond\": %.1f, \"gridToBareRatio\": %.2f, \"gridToBareCpuRatio\": %.2f, \"minutesCandidates\": %d, "
                        + "\"minutesSeconds\": %.2f, \"minutesPeakHeapMiB\": %d, \"minutes1000PeakHeapMiB\": %d, "
                        + "\"minutesCpuSeconds\": %.2f, \"progressSeconds\": %.2f, \"progressCpuSeconds\": %.2f, \"progressPeakHeapMiB\": %d, "
                        + "\"machine\": \"%s\"}%n",
                done / gridSeconds, done / bareSeconds, gridSeconds / bareSeconds, gridCpu / bareCpu, candidates, minutes.seconds,
                minutes.peakMiB, minutesSmall.peakMiB, minutes.cpuSeconds, progress.seconds, progress.cpuSeconds, progress.peakMiB, machine));
    }

    private static byte[] grid(Referential seed, Regulation.Scale scale, Component component, int i) {
        return GridWorkbook.write(seed, scale, component, new GridWorkbook.Header("Session", "n° " + i, "Juré", "Dates"),
                "token-" + i, i, "jure1");
    }

    /**
     * What POI costs by itself for the grid's content: the same cells with the same texts (both sheets, the hidden
     * identification included, the référentiel's required contents at the top), the same fonts and cell styles created and set on them, the same column widths; none
     * of what makes it a grid (row heights fitted to the text, page breaks, merged cells, dropdowns, print setup,
     * protection, checksum).
     */
    private static byte[] bare(Referential seed, Regulation.Scale scale, Component component, int n) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setFontHeightInPoints((short) 14);
            Font italic = workbook.createFont();
            italic.setItalic(true);
            CellStyle[] styles = new CellStyle[8];
            for (int s = 0; s < styles.length; s++) {
                styles[s] = workbook.createCellStyle();
                styles[s].setWrapText(s > 0);
                styles[s].setLocked(s < 6);
            }
            styles[0].setFont(big);
            styles[1].setFont(bold);
            styles[4].setFont(bold);
            styles[5].setFont(italic);
            Sheet sheet = workbook.createSheet("Grille");
            sheet.setColumnWidth(0, 22 * 256);
            sheet.setColumnWidth(1, 62 * 256);
            sheet.setColumnWidth(2, 14 * 256);
            cell(sheet.createRow(0), 0, styles[0], "Grille d'évaluation — " + seed.title());
            String[][] header = {{"Session", "Session"}, {"Composante", component.code() + " " + component.title()},
                    {"Production", component.assessment().name() + " — "
                            + (component.assessment().collective() ? "travail collectif" : "travail individuel") + ", "
                            + (component.assessment().hasOral() ? "production écrite et orale" : "production écrite")},
                    {"Candidat", "n° " + n}, {"Juré", "Juré"}, {"Dates", "Dates"}};
            for (int i = 0; i < header.length; i++) {
                Row row = sheet.createRow(i + 1);
                cell(row, 0, styles[1], header[i][0]);
                cell(row, 1, styles[2], header[i][1]);
            }
            cell(sheet.createRow(7), 0, styles[5], "Cochez les indicateurs observés (x), choisissez l'appréciation de chaque "
                    + "critère et commentez ; le commentaire est obligatoire pour un critère non acquis.");
            Map<String, String> competences = new LinkedHashMap<>();
            component.competences().forEach(c -> competences.put(c.code(), c.text()));
            int r = 8;
            // The référentiel's required contents, above the criteria, as the grid lists them.
            List<String> contents = component.assessment().contents();
            if (!contents.isEmpty()) {
                Row title = sheet.createRow(r++);
                cell(title, 0, styles[4], "Contenu exigé par le référentiel — la production comprend :");
                cell(title, 1, styles[4], "");
                cell(title, 2, styles[4], "");
                for (int i = 0; i < contents.size(); i++) {
                    Row item = sheet.createRow(r++);
                    cell(item, 0, styles[1], "Élément " + (i + 1));
                    cell(item, 1, styles[3], contents.get(i));
                }
                r++;
            }
            int number = 1;
            for (var criterion : component.criteria()) {
                Row title = sheet.createRow(r++);
                cell(title, 0, styles[4], "Critère " + number++ + " — " + criterion.title());
                cell(title, 1, styles[4], "");
                cell(title, 2, styles[4], "");
                Row linked = sheet.createRow(r++);
                cell(linked, 0, styles[1], "Compétences évaluées");
                cell(linked, 1, styles[3], String.join("\n", criterion.competences().stream()
                        .map(code -> code + " " + competences.getOrDefault(code, "")).toList()));
                for (int i = 0; i < criterion.indicators().size(); i++) {
                    Row row = sheet.createRow(r++);
                    cell(row, 0, styles[1], "Indicateur " + (i + 1));
                    cell(row, 1, styles[3], criterion.indicators().get(i));
                    cell(row, 2, styles[6], "");
                }
                Row rating = sheet.createRow(r++);
                cell(rating, 0, styles[1], "Appréciation");
                cell(rating, 1, styles[5], scale.choices() + " (liste déroulante)");
                cell(rating, 2, styles[6], "");
                Row comment = sheet.createRow(r++);
                cell(comment, 0, styles[1], "Commentaire (obligatoire si le critère n'est pas acquis)");
                cell(comment, 1, styles[7], "");
                cell(comment, 2, styles[7], "");
                r++;
            }
            Sheet identification = workbook.createSheet("Identification");
            String[][] values = {{"Grille", "token-" + n}, {"Production", String.valueOf(n)}, {"Juré", "jure1"},
                    {"Référentiel", seed.code()}, {"Version", String.valueOf(seed.version())}, {"Composante", component.code()},
                    {"Empreinte", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}};
            for (int i = 0; i < values.length; i++) {
                Row line = identification.createRow(i);
                line.createCell(0).setCellValue(values[i][0]);
                line.createCell(1).setCellValue(values[i][1]);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void cell(Row row, int column, CellStyle style, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void minutes(OutputStream out, Referential seed, int size) throws IOException {
        List<MinutesWorkbook.BlocColumns> blocs = seed.blocs().stream().map(bloc -> new MinutesWorkbook.BlocColumns(bloc.code(),
                bloc.title(), bloc.components().stream().map(Component::code).toList())).toList();
        // Rows made as they are written: the writer, not the data, is measured.
        List<MinutesWorkbook.CandidateRow> rows = new AbstractList<>() {
            @Override
            public MinutesWorkbook.CandidateRow get(int i) {
                return new MinutesWorkbook.CandidateRow(String.format("C%06d", i), "Nom" + i, "Prénom" + i,
                        i % 9 == 0 ? "VAE — dossier de validation et entretien" : "Formation",
                        Map.of("BC1", "Validé", "BC2", "Validé", "BC3", i % 7 == 0 ? "Non validé" : "Validé"),
                        Map.of("A.1", "Validé", "A.2", "Validé", "A.3", "Validé", "A.4", "Validé", "A.5", "Validé"),
                        i % 7 == 0 ? "Bloc BC3 : Non validé au lieu de Validé — justification" : "",
                        i % 7 == 0 ? "Non délivrée" : "Délivrée");
            }

            @Override
            public int size() {
                return size;
            }
        };
        MinutesWorkbook.write(out, new MinutesWorkbook.Header(seed.title(), "BENCH", "MMDC version 1", blocs), rows,
                new MinutesWorkbook.Jury("Jury de certification réuni le 30/06/2027 à 14:00 : membres présents",
                        "Désigné selon le Règlement de certification MMDC v1, révision 2 : 3 présent(s) sur 3 désigné(s).",
                        List.of("Président — président du jury", "Juré 1", "Juré 2"), "Président"));
    }

    private static CampaignProgress.Report progress(int size) {
        List<CampaignProgress.CandidateProgress> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<String, String> blocs = new LinkedHashMap<>(Map.of("BC1", "VALIDE", "BC2", "EN_COURS", "BC3", "EN_COURS"));
            List<CampaignProgress.ProductionProgress> productions = List.of(
                    new CampaignProgress.ProductionProgress("A.1", 1, "ASSESSED", "VALIDE", Instant.EPOCH),
                    new CampaignProgress.ProductionProgress("A.3", 1, "UNDER_EVALUATION", null, Instant.EPOCH),
                    new CampaignProgress.ProductionProgress("A.5", 1, "AWAITING_SUBMISSION", null, Instant.EPOCH));
            rows.add(new CampaignProgress.CandidateProgress(String.format("C%06d", i), "Nom" + i, "Prénom" + i, "G" + i / 4,
                    "FORMATION", "Formation — modalités d'évaluation du référentiel", blocs, productions, "EN_COURS", List.of()));
        }
        return new CampaignProgress.Report("BENCH", "Mesure", null, new CampaignProgress.Counts(3L * size,
                Map.of("ASSESSED", (long) size)), Map.of("VALIDE", (long) size), Map.of("EN_COURS", 2L * size),
                Map.of("EN_COURS", (long) size), rows);
    }

    /** @param cpuSeconds the writing thread's CPU time: what the wall time is when the machine is not shared */
    record Measure(double seconds, double cpuSeconds, long peakMiB, long bytes) {
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Time and heap peak of one write, from a collected heap with the pools' peaks reset. */
    private static Measure measure(Writer writer) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        CountingStream out = new CountingStream();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        writer.write(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measure(seconds, cpuSeconds, peak / (1024 * 1024), out.count);
    }

    /** Counts what is written without keeping it: the workbook's size without holding it in memory. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
