package fr.certiflow.production;

import org.springframework.stereotype.Service;

/** The files of a production as markdown links, for the task forms of coordinators, jurors and presidents. */
@Service
public class ProductionDocuments {

    private final ProductionContexts contexts;
    private final ProductionFileRepository files;

    ProductionDocuments(ProductionContexts contexts, ProductionFileRepository files) {
        this.contexts = contexts;
        this.files = files;
    }

    /**
     * The links, after the route for a VAE candidate: the forms describe the production as the référentiel does, for
     * the candidates issus de la formation; a VAE candidate is assessed on the règlement's dossier and interview.
     */
    public String markdownLinks(Long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        Production production = context.production();
        StringBuilder links = new StringBuilder();
        if (context.route().vae()) {
            links.append("**Parcours : ").append(context.route().describe()).append("** — le candidat est évalué sur ")
                    .append(context.route().vaeModality())
                    .append(", selon les mêmes critères et indicateurs ; la production décrite plus haut est celle du référentiel,")
                    .append(" pour les candidats issus de la formation.\n\n");
        }
        int header = links.length();
        for (ProductionFile file : files.findBySubmissionIdOrderById(production.getSubmissionId())) {
            links.append("- [").append(markdownText(file.getFilename())).append("](/api/productions/")
                    .append(productionId).append("/files/").append(file.getId()).append(")\n");
        }
        if (links.length() == header) {
            links.append("Aucun fichier.");
        }
        return links.toString();
    }


    /** File names are the candidates' text: shown as text, never as markdown or HTML. */
    public static String markdownText(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|])", "\\\\$1");
    }
}
