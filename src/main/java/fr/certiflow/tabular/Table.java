package fr.certiflow.tabular;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file read as a table: its header and its rows, each cell as the text the person typed (never a computed
 * value: a formula is kept as its text).
 *
 * @param file the file's name, for messages
 * @param columns canonical column key → header as written in the file
 */
public record Table(String file, Map<String, String> columns, List<Row> rows) {

    /** A data row: its number in the file (the header is row 1) and its cells by canonical column key. */
    public record Row(int number, Map<String, String> cells) {

        public Optional<String> get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }

    public String header(String column) {
        return columns.getOrDefault(column, column);
    }
}
