package fr.certiflow.production;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.springframework.stereotype.Service;

/**
 * Looks inside uploaded documents: their real type, from the bytes and not from the name the client gave, their
 * text, and the language of that text.
 */
@Service
public class DocumentInspector {

    /** Accepted document types and the file name extensions that may claim them. */
    static final Map<String, String> ACCEPTED = Map.of(
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
            "application/vnd.oasis.opendocument.text", "odt",
            "text/plain", "txt");

    private static final int MAX_TEXT = 200_000;

    private final Tika tika = new Tika();
    /**
     * The languages a production may come in, for the English check of the procurement case: French, English and
     * their European neighbours. Only their profiles are loaded; all of Optimaize's (some seventy) took about 66 MB
     * of heap for as long as the application runs.
     */
    static final Set<String> LANGUAGES = Set.of("en", "fr", "de", "es", "it", "pt", "nl");

    private final LanguageDetector languages = load();

    private static LanguageDetector load() {
        try {
            return new OptimaizeLangDetector().loadModels(LANGUAGES);
        } catch (IOException e) {
            throw new IllegalStateException("Language profiles " + LANGUAGES + " cannot be loaded", e);
        }
    }

    /** The type detected from the content and the name, when the type is accepted and the name does not lie. */
    public String acceptedType(String filename, byte[] content) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        String detected;
        String fromBytes;
        try (InputStream in = new ByteArrayInputStream(content)) {
            detected = tika.detect(in, metadata);
        } catch (IOException e) {
            throw new UploadRefusedException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "Le fichier « " + filename + " » ne peut pas être lu.");
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            fromBytes = tika.detect(in);
        } catch (IOException e) {
            fromBytes = detected;
        }
        String expectedExtension = ACCEPTED.get(detected);
        String extension = extension(filename);
        if (expectedExtension == null) {
            throw new UploadRefusedException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Le fichier « " + filename + " » n'est pas un document accepté (type détecté : " + detected
                            + "). Types acceptés : PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), OpenDocument (.odt), texte (.txt).");
        }
        // A name that claims a type the bytes do not have is refused: "report.pdf" that is really a zip, say.
        if (!expectedExtension.equals(extension) || !consistent(detected, fromBytes)) {
            throw new UploadRefusedException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Le fichier « " + filename + " » n'est pas ce que son nom annonce (contenu détecté : " + fromBytes + ").");
        }
        return detected;
    }

    private static boolean consistent(String detected, String fromBytes) {
        if (detected.equals(fromBytes)) {
            return true;
        }
        // Office Open XML and OpenDocument files are zip archives; plain text has no magic number.
        return ("application/zip".equals(fromBytes) || "application/x-tika-ooxml".equals(fromBytes))
                && (detected.startsWith("application/vnd.openxmlformats") || detected.startsWith("application/vnd.oasis"))
                || detected.equals("text/plain") && fromBytes.startsWith("text/");
    }

    private static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public String text(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            Tika limited = new Tika();
            limited.setMaxStringLength(MAX_TEXT);
            return limited.parseToString(in);
        } catch (IOException | TikaException e) {
            return "";
        }
    }

    /** The language of the text, with the detector's confidence (0 to 1); empty when the text is too short. */
    public Optional<LanguageResult> language(String text) {
        if (text == null || text.strip().length() < 20) {
            return Optional.empty();
        }
        synchronized (languages) {
            languages.reset();
            languages.addText(text);
            LanguageResult result = languages.detect();
            return result.isUnknown() ? Optional.empty() : Optional.of(result);
        }
    }
}
