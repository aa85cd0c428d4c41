package fr.certiflow.evaluation;

import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the evaluation and harmonisation forms of every règlement file (for every composante of its référentiel)
 * into a forms folder. Run it after publishing a référentiel or a règlement version:
 * {@code mvn -q compile exec:java -Dexec.mainClass=fr.certiflow.evaluation.FormGenerator
 * -Dexec.args="forms src/main/resources/regulations src/main/resources/referentials"}.
 */
public final class FormGenerator {

    private FormGenerator() {
    }

    /**
     * File name → content, for every composante of every règlement in {@code regulations}; their référentiels are
     * read from the {@code referentials} folders.
     */
    public static Map<String, String> forms(Path regulations, List<Path> referentials) throws IOException {
        Map<String, Referential> known = new LinkedHashMap<>();
        for (Path folder : referentials) {
            for (Path file : yamlFiles(folder)) {
                try (InputStream in = Files.newInputStream(file)) {
                    Referential referential = new ReferentialParser().parse(file.getFileName().toString(), in);
                    known.put(referential.code() + " v" + referential.version(), referential);
                }
            }
        }
        Map<String, String> forms = new LinkedHashMap<>();
        for (Path file : yamlFiles(regulations)) {
            Regulation regulation;
            try (InputStream in = Files.newInputStream(file)) {
                regulation = RegulationCatalog.read(file.getFileName().toString(), in,
                        version -> known.get(version.code() + " v" + version.version()));
            }
            Referential referential = known.get(regulation.referential().code() + " v" + regulation.referential().version());
            for (Component component : referential.components().toList()) {
                forms.put(EvaluationForms.evaluationFormId(regulation, component) + ".form",
                        EvaluationForms.evaluationForm(referential, regulation, component));
                forms.put(EvaluationForms.harmonisationFormId(regulation, component) + ".form",
                        EvaluationForms.harmonisationForm(referential, regulation, component));
                if (component.assessment().collective()) {
                    forms.put(GroupEvaluationForms.formId(regulation, component) + ".form",
                            GroupEvaluationForms.form(referential, regulation, component));
                }
            }
        }
        return forms;
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Arguments: the target folder, the règlements folder, then the référentiel folders. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "forms");
        Path regulations = Path.of(args.length > 1 ? args[1] : "src/main/resources/regulations");
        List<Path> referentials = args.length > 2 ? Stream.of(args).skip(2).map(Path::of).toList()
                : List.of(Path.of("src/main/resources/referentials"));
        for (Map.Entry<String, String> form : forms(regulations, referentials).entrySet()) {
            Files.writeString(target.resolve(form.getKey()), form.getValue(), StandardCharsets.UTF_8);
            System.out.println("Wrote " + target.resolve(form.getKey()));
        }
    }
}
