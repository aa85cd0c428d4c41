package fr.certiflow.production;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.AssessmentDocument;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.List;

/**
 * How a candidate's composante is assessed, by pathway. A candidate « issu de la formation » hands in the production
 * the référentiel describes, alone or with their group. A VAE candidate follows the règlement's VAE modality: one
 * « dossier de validation » per bloc, shared by the composantes of the bloc, and an interview with the jury; never
 * in a group. Both are assessed on the same criteria and indicators, with the same forms, grids and decision rules.
 *
 * @param vae whether the candidate follows the VAE route
 */
public record AssessmentRoute(Regulation regulation, Referential referential, Component component, boolean vae) {

    public static AssessmentRoute of(Regulation regulation, Referential referential, Component component,
            Candidate candidate) {
        return new AssessmentRoute(regulation, referential, component, candidate.getPathway() == Pathway.VAE);
    }

    /** What is handed in: the référentiel's documents, or the règlement's VAE dossier. */
    public List<AssessmentDocument> documents() {
        if (!vae) {
            return component.assessment().documents();
        }
        return regulation.pathways().vae().documents().stream()
                .map(document -> new AssessmentDocument(document.code(), document.label(), null, document.isMultiple(), true))
                .toList();
    }

    /** An oral: the référentiel's soutenance, or the VAE interview when the règlement holds one. */
    public boolean oral() {
        return vae ? regulation.pathways().vae().hasInterview() : component.assessment().hasOral();
    }

    /** The language check reads the référentiel's documents; the VAE dossier is the règlement's. */
    public boolean englishRequired() {
        return !vae && component.assessment().englishRequired();
    }

    /** Never in a group on the VAE route. */
    public boolean collective() {
        return !vae && component.assessment().collective();
    }

    /** The bloc whose dossier a VAE candidate hands in for this composante. */
    public Bloc bloc() {
        return referential.blocs().stream()
                .filter(bloc -> bloc.components().stream().anyMatch(c -> c.code().equals(component.code()))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Composante " + component.code() + " is in no bloc"));
    }

    /**
     * The code under which the submission is kept: the composante's, or the bloc's for a VAE dossier, handed in once
     * for every composante of the bloc.
     */
    public String submissionCode() {
        return vae ? bloc().code() : component.code();
    }

    /**
     * What a VAE candidate is assessed on, from the règlement: « le dossier de validation du bloc BC1 et l'entretien
     * avec le jury ».
     */
    public String vaeModality() {
        return vaeDossier() + (regulation.pathways().vae().hasInterview() ? " et " + vaeInterview() : "");
    }

    /** « le dossier de validation du bloc BC1 », from the règlement's documents. */
    public String vaeDossier() {
        return "le " + vaeDossierName();
    }

    /** « dossier de validation du bloc BC1 », without its article. */
    public String vaeDossierName() {
        Regulation.VaePathway vae = regulation.pathways().vae();
        return String.join(", ", vae.documents().stream().map(d -> lowerFirst(d.label())).toList()) + " "
                + bloc().code();
    }

    /** « l'entretien avec le jury », as the règlement names it. */
    public String vaeInterview() {
        return "l'" + lowerFirst(regulation.pathways().vae().interview());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** « VAE — dossier de validation et entretien (Règlement de certification MMDC v1) ». */
    public String describe() {
        return regulation.route(vae);
    }
}
