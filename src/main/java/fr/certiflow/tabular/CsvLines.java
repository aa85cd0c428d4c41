package fr.certiflow.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads CSV as a stream, one line at a time: ';', ',' or tab (the one the header line holds more of, outside quotes),
 * quoted cells with doubled quotes inside (and line breaks), LF, CRLF or CR, a leading BOM skipped; the characters
 * come decoded by the caller ({@link CsvEncoding}). Only the current line is in
 * memory, its cells cut at {@link TableReader#MAX_CELL_CHARS} + 1 characters and dropped once the line passes
 * {@link TableReader#MAX_LINE_CHARS}; the consumer stops the reading by throwing.
 */
final class CsvLines {

    /** What the decoder puts for a byte not valid in the encoding (a noncharacter: never in a real text). */
    static final char INVALID = '\uFFFF';

    /** A byte not valid in the file's encoding, on this line. */
    static final class InvalidCharacter extends IOException {

        final int line;

        InvalidCharacter(int line) {
            super("invalid character on line " + line);
            this.line = line;
        }
    }

    private final Reader reader;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;

    private CsvLines(Reader reader) {
        this.reader = reader;
    }

    /** @return the separator used */
    static char read(Reader in, Consumer<Line> lines) throws IOException {
        return new CsvLines(in).parse(lines);
    }

    private char parse(Consumer<Line> lines) throws IOException {
        if (peek() == '\uFEFF') {
            next();
        }
        char separator = separator();
        int number = 0;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int cellLength = 0;
        int cellsInLine = 0;
        long lineChars = 0;
        boolean quoted = false;
        for (int c = next(); c >= 0; c = next()) {
            if (c == INVALID) {
                throw new InvalidCharacter(number + 1);
            }
            lineChars++;
            boolean keep = lineChars <= TableReader.MAX_LINE_CHARS;
            if (quoted) {
                if (c == '"' && peek() == '"') {
                    next();
                    lineChars++;
                    cellLength = append(cell, cellLength, '"', keep);
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cellLength = append(cell, cellLength, (char) c, keep);
                }
            } else if (c == '"' && cellLength == 0) {
                quoted = true;
            } else if (c == separator) {
                if (keep) {
                    cells.add(cell.toString());
                }
                cell.setLength(0);
                cellLength = 0;
                cellsInLine++;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    next();
                }
                boolean tooLong = lineChars - 1 > TableReader.MAX_LINE_CHARS;
                if (!tooLong) {
                    cells.add(cell.toString());
                }
                lines.accept(new Line(++number, tooLong ? List.of() : cells, tooLong));
                cells = new ArrayList<>();
                cell.setLength(0);
                cellLength = 0;
                cellsInLine = 0;
                lineChars = 0;
            } else {
                cellLength = append(cell, cellLength, (char) c, keep);
            }
        }
        if (cellLength > 0 || cellsInLine > 0) {
            boolean tooLong = lineChars > TableReader.MAX_LINE_CHARS;
            if (!tooLong) {
                cells.add(cell.toString());
            }
            lines.accept(new Line(++number, tooLong ? List.of() : cells, tooLong));
        }
        return separator;
    }

    /** Counts every character of the cell, keeps the first MAX_CELL_CHARS + 1 (enough to know it is too long). */
    private static int append(StringBuilder cell, int cellLength, char c, boolean keep) {
        if (keep && cellLength <= TableReader.MAX_CELL_CHARS) {
            cell.append(c);
        }
        return cellLength + 1;
    }

    /** The one of ';', ',', tab the first line holds most of outside quotes (';' on a tie); looks ahead without consuming. */
    private char separator() throws IOException {
        fillFirstLine();
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = position; i < limit && (quoted || buffer[i] != '\n' && buffer[i] != '\r'); i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas ? ';' : ',';
    }

    private int next() throws IOException {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !refill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean refill() throws IOException {
        position = 0;
        limit = 0;
        int read = reader.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        limit = read;
        return true;
    }

    /** Reads ahead until the buffer holds the whole first line, or is full, or the file ends. */
    private void fillFirstLine() throws IOException {
        int scanned = position;
        while (limit < buffer.length) {
            for (; scanned < limit; scanned++) {
                if (buffer[scanned] == '\n') {
                    return;
                }
            }
            int read = reader.read(buffer, limit, buffer.length - limit);
            if (read <= 0) {
                return;
            }
            limit += read;
        }
    }
}
