package fr.certiflow.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * Reads an uploaded .xlsx or .csv into a {@link Table}, whatever the file's name says: the type comes from the
 * bytes, a CSV's encoding too ({@link CsvEncoding}). Other workbooks (.ods, .xls) are refused with the way to save them
 * as .xlsx. Headers are matched without regard to case, accents or spacing.
 *
 * <p>The file is read as a stream and only the table is kept, within bounds checked while reading: at most
 * {@link #MAX_ROWS} rows (the reading stops at the next one), {@link #MAX_CELL_CHARS} characters in a cell,
 * {@link #MAX_LINE_CHARS} in a line, {@link #MAX_TABLE_CHARS} in the table. A CSV is parsed straight from the
 * upload; a workbook is copied to a temporary file (deleted afterwards) that POI opens entry by entry, and its first
 * sheet is read with the event API (see {@link XlsxLines}). Zip bombs and oversized entries are refused by POI's
 * limits ({@link PoiLimits}). The size of the upload is the caller's to bound ({@link SizeLimitedInputStream}).
 */
public final class TableReader {

    public static final int MAX_ROWS = 20_000;
    public static final int MAX_CELL_CHARS = 10_000;
    public static final int MAX_LINE_CHARS = 100_000;
    public static final long MAX_TABLE_CHARS = 20_000_000;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Bytes Tika looks at to tell the type: enough for a workbook's [Content_Types].xml, which comes first. */
    static final int DETECTION_BYTES = 64 * 1024;

    static {
        PoiLimits.apply();
    }

    private static final Tika TIKA = new Tika();

    private final String file;
    private final Map<String, List<String>> headers;
    private final List<String> required;
    /** Column key → its position in the file's lines, and → its slot in the table's rows. */
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final List<Table.Row> rows = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private boolean headerRead;
    private int dataRows;
    private long tableChars;
    /** What the file was read as: « classeur Excel (.xlsx) », « CSV Windows-1252, séparateur point-virgule »… */
    private String format;

    private TableReader(String file, Map<String, List<String>> headers, List<String> required) {
        this.file = file;
        this.headers = headers;
        this.required = required;
    }

    /**
     * @param content the upload, read once and not closed here
     * @param headers canonical column key → the accepted header texts
     * @param required the columns that must be present
     */
    public static Table read(String filename, InputStream content, Map<String, List<String>> headers, List<String> required) {
        String file = filename == null || filename.isBlank() ? "fichier" : filename;
        TableReader reader = new TableReader(file, headers, required);
        byte[] start;
        String type;
        try {
            start = content.readNBytes(DETECTION_BYTES);
            type = TIKA.detect(start, file);
        } catch (IOException e) {
            throw refused(file, "le fichier ne peut pas être lu");
        }
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(start), content);
        if (XLSX.equals(type) || "application/x-tika-ooxml".equals(type)) {
            reader.xlsx(whole);
            reader.format = "classeur Excel (.xlsx)";
        } else if (type.startsWith("text/")) {
            reader.csv(whole, CsvEncoding.detect(start, start.length < DETECTION_BYTES));
        } else {
            throw refused(file, notATable(type));
        }
        return reader.table();
    }

    /** Why a file of another type is refused, and what to do instead, in words a coordinator knows. */
    static String notATable(String type) {
        String saveAs = " : ouvrez-le dans votre tableur et enregistrez-le au format « Classeur Excel (.xlsx) » "
                + "ou « CSV », puis importez ce fichier";
        if (type.contains("opendocument.spreadsheet")) {
            return "les classeurs OpenDocument (.ods) ne sont pas acceptés" + saveAs;
        }
        if ("application/vnd.ms-excel".equals(type) || type.startsWith("application/x-tika-msoffice")) {
            return "les classeurs Excel 97-2003 (.xls) ne sont pas acceptés" + saveAs;
        }
        return "ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV (il semble être de type « " + type + " »)" + saveAs;
    }

    /** Decodes strictly in the detected encoding: a byte that is not valid there refuses the file, never stored as �. */
    private void csv(InputStream content, CsvEncoding encoding) {
        char separator;
        try {
            separator = CsvLines.read(new InputStreamReader(content, encoding.markingDecoder()), this::accept);
        } catch (CsvLines.InvalidCharacter e) {
            throw refused(file, "caractères invalides en " + encoding.label + " à la ligne " + e.line
                    + " (encodage détecté d'après le début du fichier) : enregistrez le fichier en « CSV UTF-8 » et importez-le à nouveau");
        } catch (IOException e) {
            throw refused(file, "le fichier ne peut pas être lu");
        }
        format = "CSV " + encoding.label + ", séparateur " + switch (separator) {
            case ';' -> "point-virgule";
            case ',' -> "virgule";
            default -> "tabulation";
        };
    }

    private void xlsx(InputStream content) {
        Path spooled = null;
        try {
            spooled = Files.createTempFile("certiflow-import-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(spooled)) {
                content.transferTo(out);
            }
            XlsxLines.read(file, spooled, this::accept);
        } catch (ImportRefusedException refused) {
            throw refused;
        } catch (Exception e) {
            throw refused(file, unreadable(e));
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException ignored) {
                    // the temporary folder is cleaned by the system; the import's answer matters more
                }
            }
        }
    }

    /** Why POI could not read a workbook, in French when it is one of its limits, else its first line. */
    private static String unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Zip bomb")) {
            return "classeur refusé : trop volumineux une fois décompressé (protection contre les bombes de décompression)";
        }
        int end = message.indexOf('\n');
        return "classeur illisible ou trop volumineux (" + (end < 0 ? message : message.substring(0, end)).strip() + ")";
    }

    /** One line as read: the first non-blank one is the header, the next ones the rows. */
    private void accept(Line line) {
        if (line.blank()) {
            return;
        }
        if (line.tooLong()) {
            problems.add(new ImportProblem(file, line.number(), null, "ligne de plus de " + MAX_LINE_CHARS + " caractères"));
            if (!headerRead) {
                throw new ImportRefusedException(problems);
            }
            countRow();
            return;
        }
        if (!headerRead) {
            header(line);
            return;
        }
        countRow();
        String[] values = new String[slots.size()];
        positions.forEach((key, position) -> {
            String value = position < line.cells().size() ? line.cells().get(position) : "";
            if (value.length() > MAX_CELL_CHARS) {
                problems.add(new ImportProblem(file, line.number(), columns.get(key), "texte de plus de " + MAX_CELL_CHARS + " caractères"));
                value = "";
            }
            tableChars += value.length();
            values[slots.get(key)] = value;
        });
        if (tableChars > MAX_TABLE_CHARS) {
            throw refused(file, "le fichier contient plus de " + MAX_TABLE_CHARS + " caractères à importer");
        }
        rows.add(new Table.Row(line.number(), slots, values));
    }

    /** The row past the limit stops the reading: the rest of the file is never read. */
    private void countRow() {
        if (++dataRows > MAX_ROWS) {
            throw refused(file, "plus de " + MAX_ROWS + " lignes");
        }
    }

    private void header(Line line) {
        headerRead = true;
        List<String> header = line.cells();
        for (int i = 0; i < header.size(); i++) {
            String written = header.get(i).strip();
            if (written.isEmpty()) {
                continue;
            }
            String key = headers.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().anyMatch(accepted -> normal(accepted).equals(normal(written))))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (key == null) {
                problems.add(new ImportProblem(file, line.number(), written, "colonne inconnue"));
            } else if (positions.putIfAbsent(key, i) != null) {
                problems.add(new ImportProblem(file, line.number(), written, "colonne en double"));
            } else {
                columns.put(key, written);
            }
        }
        for (String column : required) {
            if (!positions.containsKey(column)) {
                problems.add(new ImportProblem(file, line.number(), headers.get(column).get(0), "colonne obligatoire absente"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        positions.keySet().forEach(key -> slots.put(key, slots.size()));
    }

    private Table table() {
        if (!headerRead) {
            throw refused(file, "le fichier est vide");
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        return new Table(file, format, columns, rows);
    }

    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    static ImportRefusedException refused(String file, String message) {
        return new ImportRefusedException(List.of(new ImportProblem(file, null, null, message)));
    }
}
