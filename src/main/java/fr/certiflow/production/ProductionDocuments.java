package fr.certiflow.production;

import org.springframework.stereotype.Service;

/** The files of a production as markdown links, for the task forms of coordinators, jurors and presidents. */
@Service
public class ProductionDocuments {

    private final ProductionRepository productions;
    private final ProductionFileRepository files;

    ProductionDocuments(ProductionRepository productions, ProductionFileRepository files) {
        this.productions = productions;
        this.files = files;
    }

    public String markdownLinks(Long productionId) {
        Production production = productions.findById(productionId).orElseThrow();
        StringBuilder links = new StringBuilder();
        for (ProductionFile file : files.findBySubmissionIdOrderById(production.getSubmissionId())) {
            links.append("- [").append(markdownText(file.getFilename())).append("](/api/productions/")
                    .append(productionId).append("/files/").append(file.getId()).append(")\n");
        }
        return links.isEmpty() ? "Aucun fichier." : links.toString();
    }

    /** File names are the candidates' text: shown as text, never as markdown or HTML. */
    public static String markdownText(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|])", "\\\\$1");
    }
}
