package fr.certiflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each kind of message names the session and says what the candidate must do; a hole in the model is an error. */
@Tag("unit")
class MailTemplatesTests {

    static final Map<String, Map<String, String>> MODELS = Map.of(
            MailTemplates.REMINDER, Map.of("candidat", "Léa Martin", "campagne", "Session 2027", "code", "A.4",
                    "composante", "A.4 Plan de management de projet", "echeance", "lundi 1 mars 2027 à 18h00"),
            MailTemplates.RETURNED, Map.of("candidat", "Léa Martin", "campagne", "Session 2027", "code", "A.4",
                    "composante", "A.4 Plan de management de projet", "motif", "Le budget manque.",
                    "echeance", "lundi 1 mars 2027 à 18h00"),
            MailTemplates.DOSSIER_REMINDER, Map.of("candidat", "Léa Martin", "campagne", "Session 2027",
                    "dossier", "dossier de validation du bloc BC1", "composantes", "composantes A.1, A.2",
                    "echeance", "lundi 1 mars 2027 à 18h00"),
            MailTemplates.DOSSIER_RETURNED, Map.of("candidat", "Léa Martin", "campagne", "Session 2027",
                    "dossier", "dossier de validation du bloc BC1", "composantes", "composantes A.1, A.2",
                    "motif", "Le budget manque.", "echeance", "lundi 1 mars 2027 à 18h00"),
            MailTemplates.CONVOCATION, Map.of("candidat", "Léa Martin", "campagne", "Session 2027", "code", "A.5",
                    "composante", "A.5 Processus d'achat", "date", "mardi 16 mars 2027", "heure", "14h30", "lieu", "Salle 3",
                    "epreuve", "la soutenance de la production", "objet", "la soutenance orale de votre production",
                    "amenagement", ""),
            MailTemplates.BLOC_RESULT, Map.of("candidat", "Léa Martin", "campagne", "Session 2027", "bloc", "BC2",
                    "decision", "ajourné", "suite", "repasser les composantes non validées."),
            MailTemplates.RESULT, Map.of("candidat", "Léa Martin", "campagne", "Session 2027",
                    "decision", "Certification délivrée", "suite", "aucune démarche n'est nécessaire."));

    @Test
    void everyKindNamesTheSessionAndWhatTheCandidateMustDo() {
        MODELS.forEach((kind, model) -> {
            MailTemplates.Mail mail = MailTemplates.render(kind, model);
            assertThat(mail.subject()).as(kind).startsWith("Session 2027 — ").doesNotContain("{{").doesNotContain("\n");
            assertThat(mail.body()).as(kind).startsWith("Bonjour Léa Martin,").contains("« Session 2027 »")
                    .contains("Ce que vous devez faire : ").endsWith("L'équipe de certification").doesNotContain("{{");
        });
    }

    @Test
    void aConvocationGivesTheDateTheTimeAndThePlace() {
        MailTemplates.Mail mail = MailTemplates.render(MailTemplates.CONVOCATION, MODELS.get(MailTemplates.CONVOCATION));

        assertThat(mail.subject()).isEqualTo("Session 2027 — convocation à la soutenance de la production A.5");
        assertThat(mail.body()).contains("- date : mardi 16 mars 2027\n- heure : 14h30\n- lieu : Salle 3\n\n")
                .doesNotContain("ménagement");
    }

    @Test
    void aTiersTempsCandidatesConvocationSaysWhatTheReglementGivesAtTheOral() {
        Map<String, String> model = new HashMap<>(MODELS.get(MailTemplates.CONVOCATION));
        model.put("amenagement", "\n- aménagement : tiers-temps — temps majoré (Règlement X)");
        assertThat(MailTemplates.render(MailTemplates.CONVOCATION, model).body()).contains(
                "- lieu : Salle 3\n- aménagement : tiers-temps — temps majoré (Règlement X)\n\n");
    }

    @Test
    void aReturnedProductionSaysWhatIsMissing() {
        assertThat(MailTemplates.render(MailTemplates.RETURNED, MODELS.get(MailTemplates.RETURNED)).body())
                .contains("Il y manque ou il faut reprendre ceci :\nLe budget manque.");
    }

    @Test
    void aReturnedVaeDossierNamesTheBlocAndItsComposantesOnce() {
        MailTemplates.Mail mail = MailTemplates.render(MailTemplates.DOSSIER_RETURNED,
                MODELS.get(MailTemplates.DOSSIER_RETURNED));
        assertThat(mail.subject()).isEqualTo("Session 2027 — votre dossier de validation du bloc BC1 est à compléter");
        assertThat(mail.body()).contains("votre dossier de validation du bloc BC1 (composantes A.1, A.2) vous est renvoyé."
                + " Il y manque ou il faut reprendre ceci :\nLe budget manque.");
    }

    @Test
    void aMissingOrUnusedValueIsAnError() {
        Map<String, String> missing = new HashMap<>(MODELS.get(MailTemplates.REMINDER));
        missing.remove("echeance");
        assertThatThrownBy(() -> MailTemplates.render(MailTemplates.REMINDER, missing))
                .hasMessage("Mail template REMINDER needs a value for {{echeance}}");
        Map<String, String> extra = new HashMap<>(MODELS.get(MailTemplates.REMINDER));
        extra.put("lieu", "Salle 3");
        assertThatThrownBy(() -> MailTemplates.render(MailTemplates.REMINDER, extra))
                .hasMessage("Mail template REMINDER has no placeholder for [lieu]");
        assertThatThrownBy(() -> MailTemplates.render("INCONNU", Map.of())).hasMessage("No mail template for the kind INCONNU");
    }

    @Test
    void aValueCannotBreakTheSubjectIntoTwoLines() {
        Map<String, String> model = new HashMap<>(MODELS.get(MailTemplates.RESULT));
        model.put("campagne", "Session\r\nBcc: intrus@example.org");
        assertThat(MailTemplates.render(MailTemplates.RESULT, model).subject()).doesNotContain("\n").doesNotContain("\r");
    }
}
