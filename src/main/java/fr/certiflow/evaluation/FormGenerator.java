package fr.certiflow.evaluation;

import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.referential.model.ReferentialParser;
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
 * Writes the evaluation and harmonisation forms of every référentiel file into forms/. Run it after editing a
 * référentiel: {@code mvn -q compile exec:java -Dexec.mainClass=fr.certiflow.evaluation.FormGenerator}.
 */
public final class FormGenerator {

    private FormGenerator() {
    }

    /** File name → content, for every composante of every référentiel in {@code referentials}. */
    public static Map<String, String> forms(Path referentials) throws IOException {
        Map<String, String> forms = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(referentials)) {
            files = list.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            Referential referential;
            try (InputStream in = Files.newInputStream(file)) {
                referential = new ReferentialParser().parse(file.getFileName().toString(), in);
            }
            for (Component component : referential.components().toList()) {
                forms.put(EvaluationForms.evaluationFormId(referential, component) + ".form",
                        EvaluationForms.evaluationForm(referential, component));
                forms.put(EvaluationForms.harmonisationFormId(referential, component) + ".form",
                        EvaluationForms.harmonisationForm(referential, component));
            }
        }
        return forms;
    }

    public static void main(String[] args) throws IOException {
        Path referentials = Path.of(args.length > 0 ? args[0] : "src/main/resources/referentials");
        Path target = Path.of(args.length > 1 ? args[1] : "forms");
        for (Map.Entry<String, String> form : forms(referentials).entrySet()) {
            Files.writeString(target.resolve(form.getKey()), form.getValue(), StandardCharsets.UTF_8);
            System.out.println("Wrote " + target.resolve(form.getKey()));
        }
    }
}
