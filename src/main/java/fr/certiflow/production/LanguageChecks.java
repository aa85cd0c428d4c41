package fr.certiflow.production;

import fr.certiflow.referential.model.AssessmentDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Checks that the documents required in a language (the A.5 procurement case's framing document and quotes, in
 * English) are written in it. The result is recorded on each file and shown to the coordinator in the admissibility
 * task; it flags, it does not decide.
 */
@Service
public class LanguageChecks {

    private final ProductionFileRepository files;
    private final DocumentInspector inspector;

    LanguageChecks(ProductionFileRepository files, DocumentInspector inspector) {
        this.files = files;
        this.inspector = inspector;
    }

    /** Detects the language of each handed-in document that requires one and records it on the file. */
    public void detect(ProductionContexts.Context context) {
        Map<String, AssessmentDocument> documents = documentsOf(context);
        for (ProductionFile file : files.findBySubmissionIdOrderById(context.production().getSubmissionId())) {
            AssessmentDocument document = documents.get(file.getDocumentCode());
            if (document == null || document.language() == null) {
                continue;
            }
            var detected = inspector.language(inspector.text(file.getContent()));
            file.languageDetected(detected.map(DocumentInspector.DetectedLanguage::code).orElse(null),
                    detected.map(DocumentInspector.DetectedLanguage::probability).orElse(0.0));
        }
    }

    /**
     * What the coordinator reads in the admissibility task, from the languages recorded by {@link #detect}: one line
     * per document that requires a language; null when none does. Below the règlement's confidence the detector's
     * answer is reported as uncertain.
     */
    public String summary(ProductionContexts.Context context) {
        Map<String, AssessmentDocument> documents = documentsOf(context);
        double minimum = context.regulation().languageCheck().minimumConfidencePercent() / 100.0;
        boolean passed = true;
        List<String> lines = new ArrayList<>();
        for (ProductionFile file : files.findBySubmissionIdOrderById(context.production().getSubmissionId())) {
            AssessmentDocument document = documents.get(file.getDocumentCode());
            if (document == null || document.language() == null) {
                continue;
            }
            String language = file.getDetectedLanguage();
            double confidence = file.getLanguageConfidence() == null ? 0.0 : file.getLanguageConfidence();
            boolean ok = document.language().equals(language) && confidence >= minimum;
            passed &= ok;
            lines.add("- " + document.label() + " — « " + file.getFilename() + " » : "
                    + (language == null ? "langue non reconnue (texte absent ou trop court)"
                    : languageName(language) + String.format(Locale.FRENCH, " (confiance %.0f %%)", confidence * 100))
                    + (ok ? " ✔" : " ⚠ attendu : " + languageName(document.language())));
        }
        if (lines.isEmpty()) {
            return null;
        }
        return (passed ? "Tous les documents sont dans la langue exigée.\n" : "**Attention : langue non conforme.**\n")
                + String.join("\n", lines);
    }

    private static Map<String, AssessmentDocument> documentsOf(ProductionContexts.Context context) {
        return context.route().documents().stream()
                .collect(Collectors.toMap(AssessmentDocument::code, Function.identity()));
    }

    static String languageName(String code) {
        return Locale.forLanguageTag(code).getDisplayLanguage(Locale.FRENCH);
    }
}
