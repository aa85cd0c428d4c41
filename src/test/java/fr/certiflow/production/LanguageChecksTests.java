package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.context;
import static fr.certiflow.production.ProductionFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The language of the documents A.5 requires in English: detected, recorded, summed up for the coordinator. */
@Tag("unit")
class LanguageChecksTests {

    private final ProductionFileRepository files = mock(ProductionFileRepository.class);
    private final DocumentInspector inspector = mock(DocumentInspector.class);
    private final LanguageChecks checks = new LanguageChecks(files, inspector);
    private final Candidate lea = candidate(11L, "2027-001", "Léa", "Martin");

    private static ProductionFile file(String documentCode, String filename, String text) {
        return new ProductionFile(50L, documentCode, filename, "application/pdf", text.getBytes(StandardCharsets.UTF_8),
                "sha", "2027-001", Instant.parse("2027-02-01T10:00:00Z"));
    }

    @Test
    void onlyTheDocumentsRequiredInALanguageAreDetectedAndRecorded() {
        ProductionFile framing = file("framing", "cadrage.pdf", "framing text");
        ProductionFile tools = file("tools", "outils.pdf", "outils");
        when(files.findBySubmissionIdOrderById(50L)).thenReturn(List.of(framing, tools));
        when(inspector.text(framing.getContent())).thenReturn("framing text");
        when(inspector.language("framing text")).thenReturn(Optional.of(new DocumentInspector.DetectedLanguage("en", 0.97)));

        checks.detect(context(production(1L, lea, "A.5", DEADLINE), lea));

        assertThat(framing.getDetectedLanguage()).isEqualTo("en");
        assertThat(framing.getLanguageConfidence()).isEqualTo(0.97);
        assertThat(tools.getDetectedLanguage()).isNull();
        verify(inspector, never()).text(tools.getContent());
    }

    @Test
    void aDocumentWithoutTextIsRecordedUnrecognised() {
        ProductionFile quotes = file("quotes", "devis.pdf", "");
        when(files.findBySubmissionIdOrderById(50L)).thenReturn(List.of(quotes));
        when(inspector.language(any())).thenReturn(Optional.empty());

        checks.detect(context(production(1L, lea, "A.5", DEADLINE), lea));

        assertThat(quotes.getDetectedLanguage()).isNull();
        assertThat(quotes.getLanguageConfidence()).isEqualTo(0.0);
    }

    @Test
    void theSummaryFlagsAWrongLanguageALowConfidenceAndAnUnreadableDocument() {
        ProductionFile framing = file("framing", "cadrage.pdf", "");
        framing.languageDetected("en", 0.95);
        ProductionFile french = file("quotes", "devis-1.pdf", "");
        french.languageDetected("fr", 0.99);
        ProductionFile unsure = file("quotes", "devis-2.pdf", "");
        unsure.languageDetected("en", 0.5);
        ProductionFile empty = file("quotes", "devis-3.pdf", "");
        when(files.findBySubmissionIdOrderById(50L)).thenReturn(List.of(framing, french, unsure, empty));

        assertThat(checks.summary(context(production(1L, lea, "A.5", DEADLINE), lea))).isEqualTo(String.join("\n",
                "**Attention : langue non conforme.**",
                "- Document de cadrage du service ou du bien recherché (en anglais) — « cadrage.pdf » : anglais (confiance 95 %) ✔",
                "- Devis des prestataires ou fournisseurs (en anglais) — « devis-1.pdf » : français (confiance 99 %) ⚠ attendu : anglais",
                "- Devis des prestataires ou fournisseurs (en anglais) — « devis-2.pdf » : anglais (confiance 50 %) ⚠ attendu : anglais",
                "- Devis des prestataires ou fournisseurs (en anglais) — « devis-3.pdf » : langue non reconnue (texte absent ou trop court) ⚠ attendu : anglais"));
    }

    @Test
    void theSummarySaysWhenEveryDocumentIsInTheRequiredLanguageAndIsAbsentWhenNoneRequiresOne() {
        ProductionFile framing = file("framing", "cadrage.pdf", "");
        framing.languageDetected("en", 0.8);
        when(files.findBySubmissionIdOrderById(50L)).thenReturn(List.of(framing));

        assertThat(checks.summary(context(production(1L, lea, "A.5", DEADLINE), lea)))
                .startsWith("Tous les documents sont dans la langue exigée.\n- Document de cadrage");
        assertThat(checks.summary(context(production(2L, lea, "A.1", DEADLINE), lea))).isNull();
    }
}
