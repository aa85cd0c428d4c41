package fr.certiflow.bench;

import fr.certiflow.documents.MinutesWorkbook;
import fr.certiflow.documents.ProgressWorkbook;
import fr.certiflow.grid.GridWorkbook;
import fr.certiflow.progress.CampaignProgress;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
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

        for (int i = 0; i < 30; i++) { // warm-up
            grid(seed, component, i);
            bare(seed, component);
        }
        long start = System.nanoTime();
        for (int i = 0; i < grids; i++) {
            grid(seed, component, i);
        }
        double gridSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (int i = 0; i < grids; i++) {
            bare(seed, component);
        }
        double bareSeconds = (System.nanoTime() - start) / 1e9;

        Measure minutesSmall = measure(out -> minutes(out, seed, 1_000));
        Measure minutes = measure(out -> minutes(out, seed, candidates));
        Measure progress = measure(out -> ProgressWorkbook.write(out, progress(candidates)));

        System.out.println();
        System.out.println("Documents benchmark (Apache POI " + org.apache.poi.Version.getVersion() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
        System.out.printf(Locale.ROOT, "| %-46s | %12s |%n", "figure", "value");
        System.out.printf(Locale.ROOT, "| %-46s | %12.1f |%n", "evaluation grids per second (A.3, 6 criteria)", grids / gridSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.1f |%n", "bare POI workbooks per second (same cells)", grids / bareSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "ratio Certiflow grid / bare (time)", gridSeconds / bareSeconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "PV, " + candidates + " candidates (s)", minutes.seconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "PV, " + candidates + " candidates, peak heap (MiB)", minutes.peakMiB);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "PV, 1000 candidates, peak heap (MiB)", minutesSmall.peakMiB);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "PV size, " + candidates + " candidates (KiB)", minutes.bytes / 1024);
        System.out.printf(Locale.ROOT, "| %-46s | %12.2f |%n", "progress workbook, " + candidates + " candidates (s)", progress.seconds);
        System.out.printf(Locale.ROOT, "| %-46s | %12d |%n", "progress workbook, peak heap (MiB)", progress.peakMiB);
        String machine = BenchSupport.machine(null);
        System.out.println("machine: " + machine);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/documents.json"), String.format(Locale.ROOT,
                "{\"gridsPerSecond\": %.1f, \"barePerSecond\": %.1f, \"gridToBareRatio\": %.2f, \"minutesCandidates\": %d, "
                        + "\"minutesSeconds\": %.2f, \"minutesPeakHeapMiB\": %d, \"minutes1000PeakHeapMiB\": %d, "
                        + "\"progressSeconds\": %.2f, \"progressPeakHeapMiB\": %d, \"machine\": \"%s\"}%n",
                grids / gridSeconds, grids / bareSeconds, gridSeconds / bareSeconds, candidates, minutes.seconds,
                minutes.peakMiB, minutesSmall.peakMiB, progress.seconds, progress.peakMiB, machine));
    }

    private static byte[] grid(Referential seed, Component component, int i) {
        return GridWorkbook.write(seed, fr.certiflow.regulation.Regulations.shipped().scale(), component, new GridWorkbook.Header("Session", "n° " + i, "Juré", "Dates"),
                "token-" + i, i, "jure1");
    }

    /** The grid's cells, as plain text in a plain workbook: what POI costs by itself. */
    private static byte[] bare(Referential seed, Component component) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Grille");
            int r = 0;
            for (int i = 0; i < 8; i++) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue("En-tête " + i);
                row.createCell(1).setCellValue(seed.title());
            }
            for (var criterion : component.criteria()) {
                sheet.createRow(r++).createCell(0).setCellValue(criterion.title());
                Row competences = sheet.createRow(r++);
                competences.createCell(0).setCellValue("Compétences évaluées");
                competences.createCell(1).setCellValue(String.join("\n", criterion.competences()));
                for (String indicator : criterion.indicators()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue("Indicateur");
                    row.createCell(1).setCellValue(indicator);
                    row.createCell(2).setCellValue("");
                }
                sheet.createRow(r++).createCell(2).setCellValue("");
                sheet.createRow(r++).createCell(1).setCellValue("");
                r++;
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
                        "Désigné selon le Règlement de certification MMDC v1 : 3 présent(s) sur 3 désigné(s).",
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

    record Measure(double seconds, long peakMiB, long bytes) {
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
        long start = System.nanoTime();
        writer.write(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measure(seconds, peak / (1024 * 1024), out.count);
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
