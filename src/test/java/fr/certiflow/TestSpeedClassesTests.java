package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every test class says which speed class it belongs to, by one JUnit tag, and the tag is true to what the class
 * starts: {@code unit} starts neither Spring nor an engine, {@code process} starts Camunda alone in memory
 * (engine-only.cfg.xml, one test class per BPMN file, mocked services), {@code application}, {@code postgres} and
 * {@code browser} start the Spring application (on H2; on PostgreSQL; with headless Chromium). The packaged tests
 * (failsafe, {@code *IT}) start the jar and are chosen by name. {@code mvn test -Dgroups=unit,process} runs the fast
 * ones alone.
 */
@Tag("unit")
class TestSpeedClassesTests {

    static final Set<String> SPEED_TAGS = Set.of("unit", "process", "application", "postgres", "browser");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("fr.certiflow");

    @Test
    void everyTestClassHasOneSpeedTagTrueToWhatItStarts() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass test : testClasses()) {
            List<String> tags = speedTags(test);
            if (tags.size() != 1) {
                wrong.add(test.getName() + " has speed tags " + tags + ", expected exactly one of " + SPEED_TAGS);
                continue;
            }
            String expected = expectedTag(test, tags.get(0));
            if (!expected.equals(tags.get(0))) {
                wrong.add(test.getName() + " is tagged " + tags.get(0) + " but what it starts makes it a test of class " + expected);
            }
        }
        assertThat(wrong).as("test classes whose speed class is missing or untrue").isEmpty();
    }

    @Test
    void eachSpeedClassHasTests() {
        Map<String, Long> counts = testClasses().stream()
                .filter(test -> speedTags(test).size() == 1)
                .collect(Collectors.groupingBy(test -> speedTags(test).get(0), TreeMap::new,
                        Collectors.counting()));
        assertThat(counts).containsKeys("unit", "process", "application", "postgres", "browser");
    }

    /** Top-level classes with test methods, in their own body or in @Nested classes; the packaged ITs excluded. */
    static List<JavaClass> testClasses() {
        return TESTS.stream()
                .filter(javaClass -> javaClass.isTopLevelClass() && !javaClass.getModifiers().contains(
                        com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .filter(javaClass -> !javaClass.getSimpleName().endsWith("IT"))
                .filter(TestSpeedClassesTests::hasTests)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    private static boolean hasTests(JavaClass javaClass) {
        boolean own = javaClass.getAllMethods().stream().anyMatch(method -> method.isAnnotatedWith(Test.class)
                || method.isAnnotatedWith(ParameterizedTest.class) || method.isAnnotatedWith(TestFactory.class)
                || method.isAnnotatedWith("com.tngtech.archunit.junit.ArchTest"))
                || javaClass.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith("com.tngtech.archunit.junit.ArchTest"));
        return own || TESTS.stream().anyMatch(inner -> inner.getEnclosingClass().map(javaClass::equals).orElse(false)
                && inner.isAnnotatedWith(Nested.class) && hasTests(inner));
    }

    /** The tags of the speed classes on the class or its superclasses, an application test's subclass run on
     * PostgreSQL or in a browser counting as that. */
    static List<String> speedTags(JavaClass test) {
        List<String> tags = declaredSpeedTags(test);
        if (tags.contains("postgres") || tags.contains("browser")) {
            return tags.stream().filter(tag -> !tag.equals("application")).toList();
        }
        return tags;
    }

    private static List<String> declaredSpeedTags(JavaClass test) {
        Class<?> type = test.reflect();
        List<String> tags = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Tag tag : c.getDeclaredAnnotationsByType(Tag.class)) {
                if (SPEED_TAGS.contains(tag.value()) && !tags.contains(tag.value())) {
                    tags.add(tag.value());
                }
            }
        }
        return tags;
    }

    private static String expectedTag(JavaClass test, String declared) {
        boolean spring = startsSpring(test);
        boolean engineOnly = test.getAllFields().stream()
                .anyMatch(field -> field.getRawType().isAssignableTo(ProcessEngineExtension.class));
        if (spring) {
            return Set.of("application", "postgres", "browser").contains(declared) ? declared : "application";
        }
        return engineOnly ? "process" : "unit";
    }

    /** Annotated {@code @SpringBootTest} (itself or a superclass), or starts a {@code SpringApplication} itself. */
    private static boolean startsSpring(JavaClass test) {
        for (Class<?> c = test.reflect(); c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(SpringBootTest.class)) {
                return true;
            }
        }
        return TESTS.stream().filter(javaClass -> javaClass.equals(test)
                        || javaClass.getName().startsWith(test.getName() + "$"))
                .flatMap(javaClass -> javaClass.getAccessesFromSelf().stream())
                .anyMatch(access -> access.getTargetOwner().isAssignableTo(SpringApplication.class)
                        || access.getTargetOwner().isAssignableTo(SpringApplicationBuilder.class));
    }
}
