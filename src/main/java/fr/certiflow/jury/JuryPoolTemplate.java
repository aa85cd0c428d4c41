package fr.certiflow.jury;

import fr.certiflow.campaign.ImportTemplates;
import fr.certiflow.campaign.ImportTemplates.Column;
import java.util.List;

/** The downloadable jury pool template, laid out as every import template ({@link ImportTemplates}). */
public final class JuryPoolTemplate {

    /** The login of the template's example juror: refused like an example address. */
    public static final String EXAMPLE_ID = "exemple.dupont";

    public static final List<Column> COLUMNS = List.of(
            new Column("Identifiant", EXAMPLE_ID, "Obligatoire. Identifiant de connexion du juré (créé s'il n'existe pas).", true),
            new Column("Nom", "Marie Dupont", "Obligatoire. Prénom puis nom."),
            new Column("Courriel", "marie.dupont@" + ImportTemplates.EXAMPLE_DOMAIN, "Adresse à laquelle le juré reçoit ses convocations."),
            new Column("Organisation", "Cabinet Conseil Ouest", "Le juré n'évalue pas les salariés de son organisation."),
            new Column("Professionnel extérieur", "oui", "Obligatoire : oui ou non. Chaque jury compte au moins un professionnel extérieur."),
            new Column("Qualifié en anglais", "non", "oui ou non. Chaque jury de l'étude de cas en anglais (A.5) en compte un."),
            new Column("Président de jury", "non", "oui ou non. Les présidents harmonisent et délibèrent ; ils n'évaluent pas."),
            new Column("Charge maximale", "20", "Nombre maximal de productions à évaluer (20 par défaut)."),
            new Column("Conflits déclarés", "00124; Agence Horizon", "Numéros de candidats ou organisations, séparés par « ; ».", true));

    private JuryPoolTemplate() {
    }

    public static byte[] workbook() {
        return ImportTemplates.workbook("Jury", COLUMNS);
    }
}
