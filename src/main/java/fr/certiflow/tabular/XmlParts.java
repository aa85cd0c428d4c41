package fr.certiflow.tabular;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses a part of a workbook with SAX (POI's hardened parser: no DTD, no external entity) so that memory stays
 * bounded whatever the part's size. SAX hands text over in chunks, but an attribute's value or a name is built
 * whole: a part may hold at most {@link #MAX_MARKUP_RUN} bytes between two '<', which bounds both. The count is
 * on bytes, so the part must be UTF-8 (as Excel, LibreOffice and POI write them), where '<' is always that byte.
 */
final class XmlParts {

    static final int MAX_MARKUP_RUN = 1024 * 1024;
    private static final int DECLARATION_BYTES = 1024;
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");

    private XmlParts() {
    }

    static void parse(String file, String part, InputStream content, DefaultHandler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        requireUtf8(file, part, in);
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(new MarkupRunLimit(in, file, part)));
        } catch (SAXException | ParserConfigurationException e) {
            throw TableReader.refused(file, "classeur illisible (" + part + " : " + e.getMessage() + ")");
        }
    }

    /**
     * After an optional BOM and blanks, the part starts with '<', and its XML declaration (whole within the first
     * kilobyte) names no encoding other than UTF-8.
     */
    private static void requireUtf8(String file, String part, BufferedInputStream in) throws IOException {
        in.mark(DECLARATION_BYTES);
        byte[] start = in.readNBytes(DECLARATION_BYTES);
        in.reset();
        int i = start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < start.length && (start[i] == ' ' || start[i] == '\t' || start[i] == '\r' || start[i] == '\n')) {
            i++;
        }
        if (i == start.length) {
            return; // empty: the parser says so
        }
        String head = new String(start, i, start.length - i, StandardCharsets.ISO_8859_1);
        boolean utf8 = head.charAt(0) == '<';
        if (utf8 && head.startsWith("<?xml")) {
            int end = head.indexOf("?>");
            Matcher declared = ENCODING.matcher(end < 0 ? "" : head.substring(0, end));
            utf8 = end >= 0 && (!declared.find() || declared.group(1).toUpperCase(Locale.ROOT).equals("UTF-8"));
        }
        if (!utf8) {
            throw TableReader.refused(file, "classeur refusé : la partie " + part + " n'est pas en UTF-8");
        }
    }

    /** Fails as soon as more than MAX_MARKUP_RUN bytes follow one another without a '<'. */
    private static final class MarkupRunLimit extends FilterInputStream {

        private final String file;
        private final String part;
        private int run;

        MarkupRunLimit(InputStream in, String file, String part) {
            super(in);
            this.file = file;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                counted(value);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                counted(buffer[i]);
            }
            return read;
        }

        private void counted(int value) {
            if (value == '<') {
                run = 0;
            } else if (++run > MAX_MARKUP_RUN) {
                throw TableReader.refused(file, "classeur refusé : la partie " + part + " contient un texte ou un attribut de plus de "
                        + SizeLimitedInputStream.size(MAX_MARKUP_RUN));
            }
        }
    }
}
