package fr.certiflow.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The number format of each cell style of a workbook (styles.xml, read with SAX): what a number cell needs to be
 * written as Excel shows it, and to tell a date. Only the formats are kept, within bounds (Excel itself allows
 * 64,000 styles and formats of 255 characters).
 */
final class NumberFormats {

    static final int MAX_STYLES = 65_536;
    static final int MAX_FORMAT_CHARS = 1_000;

    /** A style's format: Excel's index and its text (null when the workbook does not say). */
    record Format(int index, String text) {
    }

    private final List<Integer> styles;
    private final Map<Integer, String> custom;

    private NumberFormats(List<Integer> styles, Map<Integer, String> custom) {
        this.styles = styles;
        this.custom = custom;
    }

    /** A workbook without styles: every number is written as Java writes a double, as POI does then. */
    static NumberFormats none() {
        return new NumberFormats(List.of(), Map.of());
    }

    static NumberFormats read(String file, InputStream part) throws IOException {
        Handler handler = new Handler();
        try (part) {
            XmlParts.parse(file, "styles.xml", part, handler);
        }
        return new NumberFormats(handler.styles, handler.custom);
    }

    /** The format of a cell of that style (index into cellXfs; a cell without one has style 0), or null if none. */
    Format of(int style) {
        if (style < 0 || style >= styles.size()) {
            return null;
        }
        int index = styles.get(style);
        String text = custom.get(index);
        return new Format(index, text != null ? text : BuiltinFormats.getBuiltinFormat(index));
    }

    private static final class Handler extends DefaultHandler {

        private final List<Integer> styles = new ArrayList<>();
        private final Map<Integer, String> custom = new HashMap<>();
        private boolean inCellStyles;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("numFmt".equals(localName) && custom.size() < MAX_STYLES) {
                Integer index = number(attributes.getValue("numFmtId"));
                String code = attributes.getValue("formatCode");
                if (index != null && code != null && code.length() <= MAX_FORMAT_CHARS) {
                    custom.put((int) index.shortValue(), code);
                }
            } else if ("cellXfs".equals(localName)) {
                inCellStyles = true;
            } else if ("xf".equals(localName) && inCellStyles && styles.size() < MAX_STYLES) {
                Integer index = number(attributes.getValue("numFmtId"));
                // POI reads the index as a short
                styles.add(index == null ? 0 : (int) index.shortValue());
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if ("cellXfs".equals(localName)) {
                inCellStyles = false;
            }
        }

        private static Integer number(String text) {
            try {
                return text == null ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
