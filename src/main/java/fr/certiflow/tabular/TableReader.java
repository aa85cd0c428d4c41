package fr.certiflow.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;

/**
 * Reads an uploaded .xlsx or .csv into a {@link Table}, whatever the file's name says: the type comes from the
 * bytes. Headers are matched without regard to case, accents or spacing. Zip bombs and oversized workbooks are
 * refused by POI's limits, set here deliberately.
 */
public final class TableReader {

    public static final int MAX_ROWS = 20_000;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static {
        PoiLimits.apply();
    }

    private static final Tika TIKA = new Tika();

    private TableReader() {
    }

    /**
     * @param headers canonical column key → the accepted header texts
     * @param required the columns that must be present
     */
    public static Table read(String filename, byte[] content, Map<String, List<String>> headers, List<String> required) {
        String file = filename == null || filename.isBlank() ? "fichier" : filename;
        List<List<String>> lines;
        String type;
        try (InputStream in = new ByteArrayInputStream(content)) {
            type = TIKA.detect(in, file);
        } catch (IOException e) {
            throw refused(file, "le fichier ne peut pas être lu");
        }
        if (XLSX.equals(type) || "application/x-tika-ooxml".equals(type)) {
            lines = xlsx(file, content);
        } else if (type.startsWith("text/")) {
            lines = csv(new String(content, StandardCharsets.UTF_8));
        } else {
            throw refused(file, "ce n'est ni un classeur Excel (.xlsx) ni un fichier CSV (type détecté : " + type + ")");
        }
        lines.removeIf(line -> line.stream().allMatch(String::isBlank));
        if (lines.isEmpty()) {
            throw refused(file, "le fichier est vide");
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw refused(file, "plus de " + MAX_ROWS + " lignes");
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            String written = header.get(i).strip();
            if (written.isEmpty()) {
                continue;
            }
            String key = headers.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().anyMatch(accepted -> normal(accepted).equals(normal(written))))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (key == null) {
                problems.add(new ImportProblem(file, 1, written, "colonne inconnue"));
            } else if (positions.putIfAbsent(key, i) != null) {
                problems.add(new ImportProblem(file, 1, written, "colonne en double"));
            } else {
                columns.put(key, written);
            }
        }
        for (String column : required) {
            if (!positions.containsKey(column)) {
                problems.add(new ImportProblem(file, 1, headers.get(column).get(0), "colonne obligatoire absente"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException(problems);
        }
        List<Table.Row> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            List<String> line = lines.get(r);
            Map<String, String> cells = new LinkedHashMap<>();
            positions.forEach((key, position) -> cells.put(key, position < line.size() ? line.get(position) : ""));
            rows.add(new Table.Row(r + 1, cells));
        }
        return new Table(file, columns, rows);
    }

    private static List<List<String>> xlsx(String file, byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.FRANCE);
            List<List<String>> lines = new ArrayList<>();
            int last = Math.min(sheet.getLastRowNum(), MAX_ROWS + 1);
            for (int r = 0; r <= last; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> line = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        line.add(text(row.getCell(c), formatter));
                    }
                }
                lines.add(line);
            }
            if (sheet.getLastRowNum() > MAX_ROWS + 1) {
                throw refused(file, "plus de " + MAX_ROWS + " lignes");
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRefusedException refused) {
                throw refused;
            }
            throw refused(file, "classeur illisible ou trop volumineux (" + e.getMessage() + ")");
        }
    }

    /** The cell as typed: a formula stays its text ("=…"), never its computed value; dates as yyyy-mm-dd. */
    static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    /** CSV with ';' or ',' (the one of the header line), quotes doubled inside quoted cells, UTF-8 with or without BOM. */
    static List<List<String>> csv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String firstLine = text.substring(0, firstLineEnd);
        char separator = firstLine.chars().filter(c -> c == ';').count() >= firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static ImportRefusedException refused(String file, String message) {
        return new ImportRefusedException(List.of(new ImportProblem(file, null, null, message)));
    }
}
