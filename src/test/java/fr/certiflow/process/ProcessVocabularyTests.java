package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processes' vocabulary has one home, the {@code process} module: variable names ({@link Variables}), activity
 * ids ({@link ActivityIds}), process keys, message names, error codes and decision keys ({@link ProcessKeys}). The
 * rest of the code names them through these constants, never as string literals.
 */
class ProcessVocabularyTests {

    static final Path MAIN = Path.of("src/main/java/fr/certiflow");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /**
     * Literals outside {@code process} that spell a variable's name but are not process variables: fields of the
     * API's requests and responses, of the console's forms and of the règlement's file, and a word shown to people.
     */
    private static final Map<String, Set<String>> NOT_VARIABLES = Map.of(
            "campaign/CampaignController.java", Set.of("campaignId"),
            "campaign/CampaignService.java", Set.of("referentialCode", "individualWorkAllowed"),
            "console/ConsoleController.java", Set.of("referentialCode", "individualWorkAllowed"),
            "regulation/RegulationValidator.java", Set.of("admissibility"),
            "evaluation/EvaluationForms.java", Set.of("oral"));

    /** Every constant of the vocabulary classes, value → where it lives. */
    static Map<String, String> vocabulary(Class<?>... homes) {
        Map<String, String> vocabulary = new LinkedHashMap<>();
        for (Class<?> home : homes) {
            for (Field field : home.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && Modifier.isPublic(modifiers)
                        && field.getType() == String.class) {
                    try {
                        vocabulary.put((String) field.get(null), home.getSimpleName() + "." + field.getName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return vocabulary;
    }

    @Test
    void theVocabularyClassesNameEachValueOnce() {
        List<String> values = new ArrayList<>();
        for (Class<?> home : List.of(Variables.class, ActivityIds.class, ProcessKeys.class)) {
            values.addAll(vocabulary(home).keySet());
        }
        assertThat(values).doesNotHaveDuplicates().contains("campaignId", "Task_EvaluateProduction", "ProductionSubmitted");
    }

    @Test
    void noCodeOutsideTheProcessModuleSpellsAVariableNameOrAnIdAsALiteral() throws IOException {
        Map<String, String> vocabulary = vocabulary(Variables.class, ActivityIds.class, ProcessKeys.class);
        List<String> literals = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String module = MAIN.relativize(source).toString().replace('\\', '/');
                if (module.startsWith("process/")) {
                    continue;
                }
                Set<String> allowed = NOT_VARIABLES.getOrDefault(module, Set.of());
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher literal = STRING_LITERAL.matcher(lines.get(i));
                    while (literal.find()) {
                        String value = literal.group(1);
                        if (vocabulary.containsKey(value) && !allowed.contains(value)) {
                            literals.add(module + ":" + (i + 1) + " \"" + value + "\" (use " + vocabulary.get(value) + ")");
                        }
                    }
                }
            }
        }
        assertThat(literals).as("literals of the process vocabulary outside process/").isEmpty();
    }
}
