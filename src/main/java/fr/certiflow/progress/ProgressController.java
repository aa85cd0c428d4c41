package fr.certiflow.progress;

import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.identity.Groups;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgressController {

    private final CampaignProgress progress;
    private final CurrentUsers users;

    ProgressController(CampaignProgress progress, CurrentUsers users) {
        this.progress = progress;
        this.users = users;
    }

    @GetMapping("/api/campaigns/{id}/progress")
    CampaignProgress.Report progress(@PathVariable Long id, HttpServletRequest request) {
        users.requireAny(request, Groups.COORDINATORS, Groups.MANAGERS, Groups.JURY_PRESIDENTS);
        return progress.of(id);
    }
}
