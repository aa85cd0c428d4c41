package fr.certiflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.certiflow.PostgresServer;
import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import fr.certiflow.packaged.EngineDatabase;
import fr.certiflow.tabular.HandMadeWorkbook;
import fr.certiflow.tabular.TableReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Legal-size imports against the packaged application in a JVM of 256 MB, as a hostile coordinator sends them: a
 * valid cohort just under the import limit (imported), a file just under the multipart limit (refused, 413), a
 * workbook just under the import limit whose shared strings inflate to about 90 MB (refused while they are read).
 * After each, the application still answers and its log holds no OutOfMemoryError. The figures (sizes, durations,
 * heap from the JVM's GC log) are printed.
 */
class LargeImportIT {

    static final long IMPORT_LIMIT = 10L * 1024 * 1024;
    static final long MULTIPART_LIMIT = 50L * 1024 * 1024;
    static final String COORDINATOR = "coordo.imports";
    static final String PASSWORD = "coordo-imports-secret";
    static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    final Path gcLog = Path.of("target", "attack", "imports-gc.log").toAbsolutePath();
    final Path log = Path.of("target", "attack", "imports-1.log");
    final StringBuilder figures = new StringBuilder("Large imports, -Xmx256m:\n");

    @Test
    void legalSizeImportsStayWithinASmallHeapAndTheApplicationKeepsAnswering() throws Exception {
        String url = PostgresServer.freshDatabase("certiflow_imports");
        EngineDatabase db = new EngineDatabase(url);
        Files.createDirectories(gcLog.getParent());
        Files.deleteIfExists(gcLog);
        try (CertiflowNode node = new CertiflowNode("imports", url).heap("256m").logsIn("attack")
                .environment("JAVA_TOOL_OPTIONS", "-Xlog:gc:file=" + gcLog)) {
            node.start();
            node.admin().createUser(COORDINATOR, PASSWORD, "coordinators");
            CampaignClient coordinator = node.client(COORDINATOR, PASSWORD);

            // 1. A valid cohort just under the import limit: imported whole.
            long first = campaign(coordinator, "IMPORTS-CSV");
            int rowBytes = (int) ((IMPORT_LIMIT - 1024 - COHORT_HEADER.length()) / TableReader.MAX_ROWS);
            byte[] cohort = cohortOf(TableReader.MAX_ROWS, rowBytes);
            assertThat(cohort.length).isBetween((int) (IMPORT_LIMIT - 8192), (int) IMPORT_LIMIT - 1);
            JsonNode imported = timed("cohort CSV just under the import limit", cohort.length, () ->
                    coordinator.upload("/api/campaigns/" + first + "/cohort", Map.of(), "cohorte.csv", cohort, 200));
            assertThat(imported.get("created").asInt()).isEqualTo(TableReader.MAX_ROWS);
            assertThat(db.count("select count(*) from cf_candidate where campaign_id = ?", first)).isEqualTo(TableReader.MAX_ROWS);
            assertThat(db.count("select count(*) from cf_acquired_bloc a join cf_candidate c on c.id = a.candidate_id "
                    + "where c.campaign_id = ?", first)).isEqualTo(TableReader.MAX_ROWS / 10);
            stillAnswers(node, coordinator);

            // 2. Just under the multipart limit: the upload is accepted by Tomcat, the import refuses it past 10 MB.
            long second = campaign(coordinator, "IMPORTS-49MB");
            // Rows of 800 bytes: the 20,000 allowed would be 16 MB, so the size limit is met first.
            byte[] huge = cohortOf((int) ((MULTIPART_LIMIT - 64 * 1024) / 800), 800);
            assertThat(huge.length).isGreaterThan((int) (MULTIPART_LIMIT - 128 * 1024));
            JsonNode tooLarge = timed("CSV just under the multipart limit", huge.length, () ->
                    coordinator.upload("/api/campaigns/" + second + "/cohort", Map.of(), "cohorte-complete.csv", huge, 413));
            assertThat(tooLarge.get("detail").asText())
                    .isEqualTo("Le fichier « cohorte-complete.csv » dépasse la taille maximale d'un import (10 Mo) : rien n'a été importé.");
            assertThat(tooLarge.get("errors").get(0).get("message").asText())
                    .isEqualTo("le fichier dépasse la taille maximale d'un import (10 Mo)");
            assertThat(db.count("select count(*) from cf_candidate where campaign_id = ?", second)).isZero();
            stillAnswers(node, coordinator);

            // 3. A workbook just under the import limit whose shared strings inflate far beyond: refused while read.
            long third = campaign(coordinator, "IMPORTS-XLSX");
            byte[] workbook = hugeSharedStrings(IMPORT_LIMIT - 4096);
            assertThat(workbook.length).isBetween((int) (IMPORT_LIMIT - 8192), (int) IMPORT_LIMIT);
            JsonNode refused = timed("workbook just under the import limit, shared strings of ~90 MB inflated", workbook.length, () ->
                    coordinator.upload("/api/campaigns/" + third + "/cohort", Map.of(), "cohorte.xlsx", workbook, 400));
            assertThat(refused.get("errors").get(0).get("text").asText())
                    .isEqualTo("cohorte.xlsx : classeur refusé : ses textes partagés dépassent 10000000 caractères");
            assertThat(db.count("select count(*) from cf_candidate where campaign_id = ?", third)).isZero();
            stillAnswers(node, coordinator);

            assertThat(node.alive()).isTrue();
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        figures.append("  heap over the whole run: ").append(heap(Files.readAllLines(gcLog))).append('\n');
        System.out.println(figures);
    }

    private interface Call {
        JsonNode run() throws IOException, InterruptedException;
    }

    /** Runs one upload and notes its size, duration, and what the GC log says of the heap meanwhile. */
    private JsonNode timed(String what, long bytes, Call call) throws IOException, InterruptedException {
        int gcLines = Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0;
        Instant start = Instant.now();
        JsonNode answer = call.run();
        long millis = Duration.between(start, Instant.now()).toMillis();
        List<String> lines = Files.readAllLines(gcLog);
        figures.append(String.format("  %s: %,d bytes, %,d ms, heap during it: %s%n", what, bytes, millis,
                heap(lines.subList(Math.min(gcLines, lines.size()), lines.size()))));
        return answer;
    }

    /**
     * From -Xlog:gc lines: how many collections, and the heap still in use after the full ones (what was live: the
     * application's own share included, some 180 MB of the 256, most of it Tika's language profiles).
     */
    static String heap(List<String> gcLines) {
        int collections = 0;
        int full = 0;
        long leastLive = Long.MAX_VALUE;
        long mostLive = 0;
        for (String line : gcLines) {
            Matcher gc = GC.matcher(line);
            if (gc.find()) {
                collections++;
                if (line.contains("Pause Full")) {
                    full++;
                    leastLive = Math.min(leastLive, Long.parseLong(gc.group(2)));
                    mostLive = Math.max(mostLive, Long.parseLong(gc.group(2)));
                }
            }
        }
        return full == 0 ? collections + " young collections, no full one"
                : String.format("%d collections, %d full, live after them %d to %d MB", collections, full, leastLive, mostLive);
    }

    private static void stillAnswers(CertiflowNode node, CampaignClient coordinator) throws IOException, InterruptedException {
        assertThat(node.admin().get("/engine-rest/version").get("version").asText()).isNotBlank();
        assertThat(coordinator.get("/api/campaigns").isArray()).isTrue();
    }

    private static long campaign(CampaignClient coordinator, String code) throws IOException, InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return coordinator.post("/api/campaigns", CampaignClient.campaign(code, now.plus(Duration.ofDays(1)),
                component -> now.plus(Duration.ofDays(60)), now.plus(Duration.ofDays(90))), 201).get("id").asLong();
    }

    /**
     * A valid cohort CSV of {@code rows} rows of {@code rowBytes} bytes each: long names, first names, trainers and
     * employers (each within its field's 200 characters), a bloc acquired earlier every tenth row.
     */
    static byte[] cohortOf(int rows, int rowBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * rowBytes + 200);
        out.writeBytes(COHORT_HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= rows; i++) {
            String[] fields = {"Nom", "P", "", ""};
            String number = String.format("C%07d", i);
            String email = "c" + i + "@example.org";
            String acquired = i % 10 == 0 ? "BC1 (30/06/2025)" : "";
            int left = rowBytes - row(number, fields, email, acquired).length();
            for (int f = 0; f < fields.length && left > 0; f++) {
                int more = Math.min(left, 200 - fields[f].length());
                fields[f] += "x".repeat(more);
                left -= more;
            }
            String row = row(number, fields, email, acquired);
            if (row.length() != rowBytes) {
                throw new IllegalArgumentException("rows of " + rowBytes + " bytes cannot be made: " + row.length());
            }
            out.writeBytes(row.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    static final String COHORT_HEADER = "N° candidat;Nom;Prénom;Courriel;Parcours;Aménagement;Formateur ou tuteur;Employeur;Blocs acquis\n";

    private static String row(String number, String[] fields, String email, String acquired) {
        return number + ";" + fields[0] + ";" + fields[1] + ";" + email + ";formation;aucun;" + fields[2] + ";" + fields[3] + ";"
                + acquired + "\n";
    }

    /**
     * A workbook of {@code bytes} bytes or just under: a header row, and shared strings of 10,000 characters each
     * (a random block of 500 repeated: they deflate about tenfold, above POI's zip bomb ratio), about 90 MB once
     * inflated; a stored picture fills the file up to the size.
     */
    static byte[] hugeSharedStrings(long bytes) {
        Random random = new Random(11);
        int strings = 9_000;
        HandMadeWorkbook workbook = new HandMadeWorkbook()
                .sheet("<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
                        + "<c t=\"s\"><v>3</v></c></row></sheetData>")
                .sharedStrings(out -> {
                    out.write("<si><t>N° candidat</t></si><si><t>Nom</t></si><si><t>Prénom</t></si><si><t>Courriel</t></si>");
                    char[] block = new char[500];
                    for (int i = 0; i < strings; i++) {
                        for (int c = 0; c < block.length; c++) {
                            block[c] = (char) ('a' + random.nextInt(26));
                        }
                        out.write("<si><t>");
                        for (int r = 0; r < 20; r++) {
                            out.write(block);
                        }
                        out.write("</t></si>");
                    }
                });
        int withoutPicture = workbook.bytes().length;
        if (withoutPicture > bytes - 1024) {
            throw new IllegalStateException("the shared strings alone take " + withoutPicture + " bytes");
        }
        byte[] picture = new byte[(int) (bytes - withoutPicture - 512)];
        random.nextBytes(picture);
        return workbook.stored("xl/media/image1.png", picture).bytes();
    }
}
