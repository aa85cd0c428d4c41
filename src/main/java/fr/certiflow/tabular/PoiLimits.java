package fr.certiflow.tabular;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's defences against hostile workbooks, set deliberately for every upload: a zip bomb (high compression ratio),
 * an oversized entry or too many entries is refused before it is read.
 *
 * <p>The settings are JVM-wide, and Tika's OOXML parser, when its class is initialised, turns the ratio check off
 * (ratio -1) and raises the entry count: whichever came last would win. So this class initialises Tika's parser
 * first, and {@link #apply()} sets the limits again at each call, just before a workbook is opened.
 */
public final class PoiLimits {

    public static final double MIN_INFLATE_RATIO = 0.01;
    public static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
    public static final int MAX_FILE_COUNT = 1000;
    static final String TIKA_OOXML_PARSER = "org.apache.tika.parser.microsoft.ooxml.OOXMLParser";

    static {
        try {
            Class.forName(TIKA_OOXML_PARSER, true, PoiLimits.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            // without Tika's OOXML parser nobody else changes the limits
        }
        set();
    }

    private PoiLimits() {
    }

    /** Sets the limits (again): call it before opening a workbook. */
    public static void apply() {
        set();
    }

    private static void set() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
    }
}
