package fr.certiflow.production;

import fr.certiflow.errors.RefusedException.Reason;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
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
     * their European neighbours. Only their profiles are loaded, with the Optimaize detector itself: Tika's wrapper
     * loads all of them (some seventy) when its class loads, about 66 MB of heap for as long as the application runs.
     */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "pt", "nl");
    /** As much text as Tika's detector reads: the start of a document tells its language. */
    static final int MAX_DETECTION_TEXT = 20_000;

    private final LanguageDetector languages = load();

    /** A language detected in a text: its ISO 639-1 code and the detector's probability (0 to 1). */
    public record DetectedLanguage(String code, double probability) {
    }

    private static LanguageDetector load() {
        try {
            return LanguageDetectorBuilder.create(NgramExtractors.standard()).shortTextAlgorithm(30)
                    .withProfiles(new LanguageProfileReader().read(LANGUAGES)).build();
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
            throw new UploadRefusedException(Reason.UNREADABLE, "Le fichier « " + filename + " » ne peut pas être lu.");
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            fromBytes = tika.detect(in);
        } catch (IOException e) {
            fromBytes = detected;
        }
        String expectedExtension = ACCEPTED.get(detected);
        String extension = extension(filename);
        if (expectedExtension == null) {
            throw new UploadRefusedException(Reason.UNSUPPORTED_TYPE, "Le fichier « " + filename + " » n'est pas un document accepté (type détecté : " + detected
                            + "). Types acceptés : PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), OpenDocument (.odt), texte (.txt).");
        }
        // A name that claims a type the bytes do not have is refused: "report.pdf" that is really a zip, say.
        if (!expectedExtension.equals(extension) || !consistent(detected, fromBytes)) {
            throw new UploadRefusedException(Reason.UNSUPPORTED_TYPE, "Le fichier « " + filename + " » n'est pas ce que son nom annonce (contenu détecté : " + fromBytes + ").");
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
    public Optional<DetectedLanguage> language(String text) {
        if (text == null || text.strip().length() < 20) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_DETECTION_TEXT ? text.substring(0, MAX_DETECTION_TEXT) : text;
        return languages.getProbabilities(sample).stream().findFirst()
                .map(best -> new DetectedLanguage(best.getLocale().getLanguage(), best.getProbability()));
    }
}
