package fr.certiflow.progress;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgressController {

    private final CampaignProgress progress;

    ProgressController(CampaignProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/campaigns/{id}/progress")
    CampaignProgress.Report progress(@PathVariable Long id) {
        return progress.of(id);
    }
}
