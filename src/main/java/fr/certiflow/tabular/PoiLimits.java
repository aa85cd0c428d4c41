package fr.certiflow.tabular;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's defences against hostile workbooks, set deliberately for every upload: a zip bomb (high compression ratio),
 * an oversized entry or too many entries is refused before it is read.
 */
public final class PoiLimits {

    public static final double MIN_INFLATE_RATIO = 0.01;
    public static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
    public static final int MAX_FILE_COUNT = 1000;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
    }

    private PoiLimits() {
    }

    /** Loads the class, whose static initialiser sets the limits. */
    public static void apply() {
        // the static block did the work
    }
}
