package fr.certiflow.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV as a stream of records with Apache Commons CSV: ';', ',' or tab (the one the header line holds most of,
 * outside quotes), quoted cells with doubled quotes inside (and line breaks), LF, CRLF or CR, a leading BOM skipped;
 * the characters come decoded by the caller ({@link CsvEncoding}). Only the current record is in memory; its cells are
 * cut at {@link TableReader#MAX_CELL_CHARS} + 1 characters (enough for the reader to say the cell is too long) and
 * dropped when the record passes {@link TableReader#MAX_LINE_CHARS}. Lines are numbered by record, blank ones
 * included, as a spreadsheet shows them; the consumer stops the reading by throwing.
 */
final class CsvLines {

    /** What the decoder puts for a byte not valid in the encoding (a noncharacter: never in a real text). */
    static final char INVALID = '\uFFFF';

    /** How far the separator is looked for: the header line, or this much of it. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    /** A byte not valid in the file's encoding, on this line. */
    static final class InvalidCharacter extends IOException {

        final int line;

        InvalidCharacter(int line) {
            super("invalid character on line " + line);
            this.line = line;
        }
    }

    private CsvLines() {
    }

    /** @return the separator used */
    static char read(Reader in, Consumer<Line> lines) throws IOException {
        BufferedReader reader = new BufferedReader(in, HEADER_LOOKAHEAD);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        char separator = separator(reader);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(separator)
                .setIgnoreEmptyLines(false)
                // Offices write what they like after a closing quote, or forget one at the end: keep the text.
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        int number = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                lines.accept(line(++number, record));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return separator;
    }

    private static Line line(int number, CSVRecord record) throws InvalidCharacter {
        List<String> cells = new ArrayList<>(record.size());
        long chars = 0;
        for (String value : record) {
            if (value.indexOf(INVALID) >= 0) {
                throw new InvalidCharacter(number);
            }
            chars += value.length() + 1;
            cells.add(value.length() > TableReader.MAX_CELL_CHARS ? value.substring(0, TableReader.MAX_CELL_CHARS + 1) : value);
        }
        boolean tooLong = chars - 1 > TableReader.MAX_LINE_CHARS;
        return new Line(number, tooLong ? List.of() : cells, tooLong);
    }

    /** The one of ';', ',', tab the first line holds most of outside quotes (';' on a tie); looks ahead without consuming. */
    private static char separator(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        try {
            for (int i = 0, c = reader.read(); i < HEADER_LOOKAHEAD - 1 && c >= 0; i++, c = reader.read()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && c == ';') {
                    semicolons++;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == '\t') {
                    tabs++;
                }
            }
        } finally {
            reader.reset();
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas ? ';' : ',';
    }
}
