package fr.certiflow.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An .xlsx written part by part, as a tool other than POI (or a hostile hand) may write it: shared or array
 * formulas, inline strings, a 1904 workbook, parts of any size streamed to the zip without being held in memory.
 */
public final class HandMadeWorkbook {

    /** Writes a part's XML text. */
    public interface Part {
        void write(Writer out) throws IOException;
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Part sheet = out -> out.write("<sheetData/>");
    private Part sharedStrings;
    private Part styles;
    private String contentTypesPadding = "";
    private boolean date1904;
    private final Map<String, byte[]> stored = new LinkedHashMap<>();

    /** The content of the first sheet's {@code <worksheet>} (its {@code <sheetData>}…). */
    public HandMadeWorkbook sheet(Part content) {
        this.sheet = content;
        return this;
    }

    public HandMadeWorkbook sheet(String content) {
        return sheet(out -> out.write(content));
    }

    /** The {@code <si>} items of sharedStrings.xml. */
    public HandMadeWorkbook sharedStrings(Part items) {
        this.sharedStrings = items;
        return this;
    }

    /** The content of styles.xml's {@code <styleSheet>} ({@code <numFmts>}, {@code <cellXfs>}…). */
    public HandMadeWorkbook styles(String content) {
        this.styles = out -> out.write(content);
        return this;
    }

    public HandMadeWorkbook date1904() {
        this.date1904 = true;
        return this;
    }

    /** Blank characters added inside [Content_Types].xml, a part POI reads whole. */
    public HandMadeWorkbook contentTypesPadding(int blanks) {
        this.contentTypesPadding = " ".repeat(blanks);
        return this;
    }

    /** A part stored as is, without compression (a picture, say): it makes the file larger, not its XML. */
    public HandMadeWorkbook stored(String name, byte[] content) {
        stored.put(name, content);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void write(OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            text(zip, "[Content_Types].xml", out -> {
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" + contentTypesPadding
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                        + (styles == null ? "" : "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
                        + "</Types>");
            });
            text(zip, "_rels/.rels", out -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"));
            text(zip, "xl/workbook.xml", out -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
                    + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                    + "<sheets><sheet name=\"Cohorte\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            text(zip, "xl/_rels/workbook.xml.rels", out -> out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + (styles == null ? "" : "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/>")
                    + "</Relationships>"));
            text(zip, "xl/worksheets/sheet1.xml", out -> {
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">");
                sheet.write(out);
                out.write("</worksheet>");
            });
            if (sharedStrings != null) {
                text(zip, "xl/sharedStrings.xml", out -> {
                    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"" + MAIN + "\">");
                    sharedStrings.write(out);
                    out.write("</sst>");
                });
            }
            if (styles != null) {
                text(zip, "xl/styles.xml", out -> {
                    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet xmlns=\"" + MAIN + "\">");
                    styles.write(out);
                    out.write("</styleSheet>");
                });
            }
            for (Map.Entry<String, byte[]> part : stored.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(part.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(part.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
    }

    private static void text(ZipOutputStream zip, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer out = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
        part.write(out);
        out.flush();
        zip.closeEntry();
    }

    /** The zip stays open when a part's writer is done. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
