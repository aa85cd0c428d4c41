package fr.certiflow.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Looks into a workbook before POI opens it. POI reads a few parts whole, as DOM trees, whatever their size: the
 * content types, the package's relationships, the core properties, and (for the event API) the workbook part and
 * its relationships. Each of them must inflate to at most {@link #MAX_WHOLE_PART} bytes; real workbooks hold a few
 * kilobytes there. The other parts are read as streams, with their own bounds.
 */
final class WorkbookPackageCheck {

    static final int MAX_WHOLE_PART = 1024 * 1024;
    private static final String CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml";

    private WorkbookPackageCheck() {
    }

    static void check(String file, Path path) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry typesEntry = null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equalsIgnoreCase("[Content_Types].xml")) {
                    typesEntry = entry;
                }
            }
            if (typesEntry == null) {
                return; // not a workbook: POI says so
            }
            ContentTypes types = new ContentTypes();
            XmlParts.parse(file, "[Content_Types].xml", new ByteArrayInputStream(inflated(file, zip, typesEntry)), types);
            Set<String> whole = new HashSet<>(Set.of("_rels/.rels"));
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
                String type = types.of(name);
                if (CORE_PROPERTIES.equals(type)) {
                    whole.add(name);
                } else if (type != null && type.endsWith(".main+xml")) {
                    whole.add(name);
                    int slash = name.lastIndexOf('/');
                    whole.add(name.substring(0, slash + 1) + "_rels/" + name.substring(slash + 1) + ".rels");
                }
            }
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (whole.contains(entry.getName().toLowerCase(Locale.ROOT))) {
                    inflated(file, zip, entry);
                }
            }
        } catch (ZipException e) {
            throw TableReader.refused(file, "classeur illisible (" + e.getMessage() + ")");
        }
    }

    /** The entry's bytes, read no further than the bound. */
    private static byte[] inflated(String file, ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes(MAX_WHOLE_PART + 1);
            if (content.length > MAX_WHOLE_PART) {
                throw TableReader.refused(file, "classeur refusé : la partie " + entry.getName() + " dépasse "
                        + SizeLimitedInputStream.size(MAX_WHOLE_PART) + " une fois décompressée");
            }
            return content;
        }
    }

    /** [Content_Types].xml: a type per part name, or by default per extension. */
    private static final class ContentTypes extends DefaultHandler {

        private final Map<String, String> byPart = new HashMap<>();
        private final Map<String, String> byExtension = new HashMap<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String type = attributes.getValue("ContentType");
            if ("Override".equals(localName) && attributes.getValue("PartName") != null && type != null) {
                byPart.put(attributes.getValue("PartName").toLowerCase(Locale.ROOT), type);
            } else if ("Default".equals(localName) && attributes.getValue("Extension") != null && type != null) {
                byExtension.put(attributes.getValue("Extension").toLowerCase(Locale.ROOT), type);
            }
        }

        String of(String entryName) {
            String type = byPart.get("/" + entryName);
            if (type != null) {
                return type;
            }
            int dot = entryName.lastIndexOf('.');
            return dot < 0 ? null : byExtension.get(entryName.substring(dot + 1));
        }
    }
}
