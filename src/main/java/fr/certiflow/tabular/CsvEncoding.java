package fr.certiflow.tabular;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells the encoding of a CSV from its first bytes, the way offices save them: UTF-8 (with or without BOM) when
 * those bytes are valid UTF-8, else ISO-8859-15 when they hold none of Windows-1252's own bytes (0x80–0x9F) but one of
 * the letters the two place differently (Œ, œ, Š, š, Ž, ž, Ÿ, €), else Windows-1252 (Excel's « CSV (séparateur :
 * point-virgule) » on a French Windows). The decoder it gives reports malformed input instead of replacing it.
 */
enum CsvEncoding {

    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_8_BOM("UTF-8 avec BOM", StandardCharsets.UTF_8),
    WINDOWS_1252("Windows-1252", Charset.forName("windows-1252")),
    ISO_8859_15("ISO-8859-15", Charset.forName("ISO-8859-15"));

    /** The name a French user reads in the import's answer. */
    final String label;
    final Charset charset;

    CsvEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /**
     * A decoder that turns bytes the encoding does not define into {@link CsvLines#INVALID}, which the reader refuses
     * with its line (a reporting decoder would fail a whole buffer ahead of the line being read).
     */
    CharsetDecoder markingDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(CsvLines.INVALID));
    }

    /**
     * @param start the first bytes of the file (possibly cut in the middle of a UTF-8 sequence)
     * @param complete whether {@code start} is the whole file
     */
    static CsvEncoding detect(byte[] start, boolean complete) {
        if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            return UTF_8_BOM;
        }
        if (validUtf8(start, complete)) {
            return UTF_8;
        }
        boolean windowsOnly = false;
        boolean differing = false;
        for (byte b : start) {
            int value = b & 0xFF;
            if (value >= 0x80 && value <= 0x9F) {
                windowsOnly = true;
            } else if (value == 0xA4 || value == 0xA6 || value == 0xA8 || value == 0xB4 || value == 0xB8
                    || value == 0xBC || value == 0xBD || value == 0xBE) {
                differing = true;
            }
        }
        return !windowsOnly && differing ? ISO_8859_15 : WINDOWS_1252;
    }

    /** Valid UTF-8, a sequence cut by the end of {@code start} allowed when the file goes on. */
    private static boolean validUtf8(byte[] start, boolean complete) {
        int length = start.length;
        if (!complete) {
            // Drop a last sequence the sample may have cut: at most 3 continuation bytes after its lead byte.
            int back = 0;
            while (back < 3 && back < length && (start[length - 1 - back] & 0xC0) == 0x80) {
                back++;
            }
            if (back < length && (start[length - 1 - back] & 0xC0) == 0xC0) {
                length -= back + 1;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(start, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
