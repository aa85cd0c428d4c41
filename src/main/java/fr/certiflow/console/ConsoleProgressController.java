package fr.certiflow.console;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.production.SubmissionService;
import fr.certiflow.progress.ProductionListing;
import fr.certiflow.referential.model.AssessmentDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a campaign's productions stand (a chart by composante and state, a filterable table with each production's
 * actions), and one production's page, where a coordinator hands in or replaces its files before admissibility.
 */
@Controller
class ConsoleProgressController {

    /** Productions shown on a page of the table. */
    static final int PAGE_SIZE = 50;

    private final CampaignRepository campaigns;
    private final ProductionListing listing;
    private final ProductionRepository productions;
    private final SubmissionService submissions;
    private final CampaignReferentials referentials;
    private final CurrentUsers users;

    ConsoleProgressController(CampaignRepository campaigns, ProductionListing listing, ProductionRepository productions,
            SubmissionService submissions, CampaignReferentials referentials, CurrentUsers users) {
        this.campaigns = campaigns;
        this.listing = listing;
        this.productions = productions;
        this.submissions = submissions;
        this.referentials = referentials;
        this.users = users;
    }

    @GetMapping("/certiflow/campagnes/{code}/avancement")
    String progress(@PathVariable String code, @RequestParam(required = false) String composante,
            @RequestParam(required = false) String etat, @RequestParam(required = false) String candidat,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Campaign campaign = campaigns.resolve(code);
        List<String> components = new ArrayList<>(campaign.getSubmissionDeadlines().keySet());
        Map<String, Map<ProductionStatus, Long>> counts = listing.countsByComponentAndStatus(campaign.getId());
        model.addAttribute("campaign", campaign);
        model.addAttribute("components", components);
        model.addAttribute("states", ProductionStates.LABELS);
        model.addAttribute("chart", ProgressChart.svg(components, counts));
        model.addAttribute("filter", new Filter(composante, etat, candidat));
        model.addAttribute("page", listing.list(campaign.getCode(),
                new ProductionListing.Filter(composante, etat, candidat, Math.max(page, 0), PAGE_SIZE)));
        return "console/progress";
    }

    record Filter(String composante, String etat, String candidat) {
    }

    @GetMapping("/certiflow/productions/{id}")
    String production(@PathVariable Long id, Model model) {
        Production production = productions.findById(id).orElseThrow(() ->
                new NotFoundException("Aucune production n° " + id + "."));
        Campaign campaign = campaigns.require(production.getCampaignId());
        ProductionListing.ProductionItem item = listing.item(production);
        fr.certiflow.referential.model.Assessment expected = referentials.component(campaign, production.getComponentCode()).assessment();
        List<AssessmentDocument> documents = expected.documents();
        // A group's production (collective composante, first attempt: a resit is individual) is handed in once for all.
        model.addAttribute("groupWork", expected.collective() && item.candidate().group() != null && production.getAttempt() == 1);
        model.addAttribute("campaign", campaign);
        model.addAttribute("production", item);
        model.addAttribute("documents", documents);
        model.addAttribute("documentLabels", documents.stream().collect(java.util.stream.Collectors.toMap(
                AssessmentDocument::code, AssessmentDocument::label, (a, b) -> a)));
        model.addAttribute("states", ProductionStates.LABELS);
        model.addAttribute("uploadable", production.getStatus() == ProductionStatus.AWAITING_SUBMISSION
                || production.getStatus() == ProductionStatus.RETURNED);
        return "console/production";
    }

    @PostMapping("/certiflow/productions/{id}/fichiers")
    String upload(@PathVariable Long id, @RequestParam("document") String document, @RequestParam("file") MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            SubmissionService.Upload upload = submissions.upload(id, document, file.getOriginalFilename(), file.getBytes(),
                    users.require().id());
            redirect.addFlashAttribute("message", "Fichier « " + file.getOriginalFilename() + " » déposé."
                    + (upload.submissionComplete() ? " La production est complète : elle part en vérification de recevabilité."
                            : " Documents encore attendus : " + String.join(", ", upload.missingDocuments()) + "."));
            return "redirect:/certiflow/productions/" + id;
        } catch (RefusedException | ConflictException e) {
            model.addAttribute("uploadRefused", e.getMessage());
            return production(id, model);
        }
    }
}
