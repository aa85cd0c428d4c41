package fr.certiflow.progress;

import fr.certiflow.campaign.CampaignRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where a campaign stands, and its productions a page at a time; the campaign named by its number or its code. */
@RestController
class ProgressController {

    private final CampaignProgress progress;
    private final ProductionListing productions;
    private final CampaignRepository campaigns;

    ProgressController(CampaignProgress progress, ProductionListing productions, CampaignRepository campaigns) {
        this.progress = progress;
        this.productions = productions;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{id}/progress")
    CampaignProgress.Report progress(@PathVariable String id) {
        return progress.of(campaigns.idOf(id));
    }

    /** The campaign's productions, ordered by candidate number then composante; filters optional, page 0 first. */
    @GetMapping("/api/campaigns/{id}/productions")
    ProductionListing.Page productions(@PathVariable String id, @RequestParam(required = false) String component,
            @RequestParam(required = false) String status, @RequestParam(required = false) String candidate,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return productions.list(id, new ProductionListing.Filter(component, status, candidate, page, size));
    }
}
