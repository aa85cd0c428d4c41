package fr.certiflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The French text of each kind of message, one template per kind in {@code classpath:mail/KIND.txt}: a first line
 * {@code Objet : …}, then the body; {@code {{name}}} stands for a value of the model. A placeholder without a value,
 * or a value the model gives that no placeholder uses, is a programming error: it fails the caller's step, which the
 * engine retries and then shows as an incident, instead of sending a mail with a hole in it.
 */
public final class MailTemplates {

    /** A reminder before a submission deadline. */
    public static final String REMINDER = "REMINDER";
    /** A reminder to a VAE candidate of their dossier of a bloc: one message for the bloc's composantes. */
    public static final String DOSSIER_REMINDER = "DOSSIER_REMINDER";
    /** A production returned to the candidate with what is missing. */
    public static final String RETURNED = "RETURNED";
    /** A VAE candidate's dossier of a bloc returned with what is missing: one message for the bloc's composantes. */
    public static final String DOSSIER_RETURNED = "DOSSIER_RETURNED";
    /** A convocation to an oral defence, with its date, time and place. */
    public static final String CONVOCATION = "CONVOCATION";
    /** The jury's decision on a bloc. */
    public static final String BLOC_RESULT = "BLOC_RESULT";
    /** The certification jury's decision. */
    public static final String RESULT = "RESULT";

    private static final String SUBJECT_PREFIX = "Objet : ";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    /** A message ready to queue. */
    public record Mail(String subject, String body) {
    }

    private MailTemplates() {
    }

    public static Mail render(String kind, Map<String, String> model) {
        String source = SOURCES.computeIfAbsent(kind, MailTemplates::load);
        int firstLineEnd = source.indexOf('\n');
        String firstLine = source.substring(0, firstLineEnd);
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + kind + " does not start with '" + SUBJECT_PREFIX + "'");
        }
        java.util.Set<String> unused = new java.util.HashSet<>(model.keySet());
        String subject = fill(kind, firstLine.substring(SUBJECT_PREFIX.length()).strip(), model, unused);
        String body = fill(kind, source.substring(firstLineEnd + 1).strip(), model, unused);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("Mail template " + kind + " has no placeholder for " + unused);
        }
        // A subject is one line, whatever a value holds.
        return new Mail(subject.replaceAll("[\\r\\n]+", " "), body);
    }

    private static String fill(String kind, String text, Map<String, String> model, java.util.Set<String> unused) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = model.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Mail template " + kind + " needs a value for {{" + name + "}}");
            }
            unused.remove(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String load(String kind) {
        if (!kind.matches("[A-Z_]+")) {
            throw new IllegalArgumentException("Not a kind of message: " + kind);
        }
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + kind + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("No mail template for the kind " + kind);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
