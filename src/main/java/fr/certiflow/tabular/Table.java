package fr.certiflow.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file read as a table: its header and its rows, each cell as the text the person typed (never a computed
 * value: a formula is kept as its text).
 *
 * @param file the file's name, for messages
 * @param format what the file was read as, in French (« CSV Windows-1252, séparateur point-virgule »), for the answer
 * @param columns canonical column key → header as written in the file
 */
public record Table(String file, String format, Map<String, String> columns, List<Row> rows) {

    /**
     * A data row: its number in the file (the header is row 1, blank lines counted) and its cells by canonical
     * column key. The cells are an array read through the table's column index (one map per table, not per row:
     * 20,000 rows of maps weighed some 12 MB).
     */
    public static final class Row {

        private final int number;
        private final Map<String, Integer> index;
        private final String[] values;

        Row(int number, Map<String, Integer> index, String[] values) {
            this.number = number;
            this.index = index;
            this.values = values;
        }

        public int number() {
            return number;
        }

        /** The cell's text, stripped, or empty when the column is absent or the cell blank. */
        public Optional<String> get(String column) {
            String value = cell(column);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        /** Every cell as read, by column key. */
        public Map<String, String> cells() {
            Map<String, String> cells = new LinkedHashMap<>();
            index.forEach((column, slot) -> cells.put(column, values[slot]));
            return Collections.unmodifiableMap(cells);
        }

        private String cell(String column) {
            Integer slot = index.get(column);
            return slot == null ? null : values[slot];
        }
    }

    public String header(String column) {
        return columns.getOrDefault(column, column);
    }
}
