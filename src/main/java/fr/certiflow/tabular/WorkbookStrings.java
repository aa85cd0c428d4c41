package fr.certiflow.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings, read with a budget: at most {@link #MAX_STRINGS} strings and {@link #MAX_CHARS}
 * characters kept, each string cut at {@link TableReader#MAX_CELL_CHARS} + 1 characters (enough to know a cell is
 * too long). A hostile workbook whose strings would fill the heap is refused while they are read.
 */
final class WorkbookStrings {

    static final int MAX_STRINGS = 500_000;
    static final long MAX_CHARS = 10_000_000;
    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    /** Raw text kept per string: an escape is 7 characters for 1, so this still tells a too long text once decoded. */
    static final int RAW_CHARS = 7 * (TableReader.MAX_CELL_CHARS + 1);

    private final List<String> strings;

    private WorkbookStrings(List<String> strings) {
        this.strings = strings;
    }

    static WorkbookStrings none() {
        return new WorkbookStrings(List.of());
    }

    static WorkbookStrings read(String file, InputStream part) throws IOException {
        Handler handler = new Handler(file);
        try (part) {
            XmlParts.parse(file, "sharedStrings.xml", part, handler);
        }
        return new WorkbookStrings(handler.strings);
    }

    /** The string at that index; a reference to a string that does not exist makes the workbook unreadable. */
    String get(String file, String index) {
        try {
            return strings.get(Integer.parseInt(index.strip()));
        } catch (RuntimeException e) {
            throw TableReader.refused(file, "classeur illisible (texte partagé n° « " + index + " » introuvable)");
        }
    }

    /**
     * Excel writes a character that XML cannot hold as _xHHHH_; the text is what the person typed, so such escapes
     * are turned back into their character, as POI does for its cells.
     */
    static String unescape(String text) {
        if (!text.contains("_x")) {
            return text;
        }
        Matcher escape = ESCAPED.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (escape.find()) {
            escape.appendReplacement(decoded, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        escape.appendTail(decoded);
        return decoded.toString();
    }

    /** The text as stored: at most MAX_CELL_CHARS + 1 characters, enough to know it is too long. */
    static String cut(String text) {
        return text.length() > TableReader.MAX_CELL_CHARS + 1 ? text.substring(0, TableReader.MAX_CELL_CHARS + 1) : text;
    }

    /** {@code <si>} holds {@code <t>}, or runs {@code <r><t>}; phonetic runs {@code <rPh>} are not part of the text. */
    private static final class Handler extends DefaultHandler {

        private final String file;
        private final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private long chars;
        private boolean inItem;
        private boolean inText;
        private int phonetic;

        Handler(String file) {
            this.file = file;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = inItem && phonetic == 0;
                default -> {
                    // formatting of runs: not text
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> {
                    inItem = false;
                    if (strings.size() >= MAX_STRINGS) {
                        throw TableReader.refused(file, "classeur refusé : plus de " + MAX_STRINGS + " textes partagés");
                    }
                    String value = cut(unescape(text.toString()));
                    chars += value.length();
                    if (chars > MAX_CHARS) {
                        throw TableReader.refused(file, "classeur refusé : ses textes partagés dépassent " + MAX_CHARS + " caractères");
                    }
                    strings.add(value);
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                    // nothing to close
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                int room = RAW_CHARS - text.length();
                text.append(ch, start, Math.max(0, Math.min(room, length)));
            }
        }
    }
}
