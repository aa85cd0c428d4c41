package fr.certiflow.campaign;

import fr.certiflow.web.Attachments;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Campaigns for coordinators: create, import the cohort, launch (the jury pool: {@code fr.certiflow.jury.JuryPoolController}); read for managers too (roles:
 * {@code fr.certiflow.identity.ApiSecurity}).
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final CampaignService service;
    private final CampaignRepository campaigns;
    private final CampaignLauncher launcher;
    private final CampaignImports imports;

    CampaignController(CampaignService service, CampaignRepository campaigns, CampaignLauncher launcher,
            CampaignImports imports) {
        this.service = service;
        this.campaigns = campaigns;
        this.launcher = launcher;
        this.imports = imports;
    }

    @PostMapping
    ResponseEntity<CampaignService.CampaignView> create(@RequestBody CampaignRequest body) {
        Campaign campaign = service.create(body);
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.getId())).body(service.view(campaign));
    }

    @GetMapping
    List<CampaignService.CampaignView> list() {
        return campaigns.findAll().stream().map(service::view).toList();
    }

    @GetMapping("/{id}")
    CampaignService.CampaignView get(@PathVariable String id) {
        return service.view(campaigns.resolve(id));
    }

    @PostMapping("/{id}/launch")
    ResponseEntity<Map<String, Object>> launch(@PathVariable("id") String idOrCode) {
        Long id = campaigns.idOf(idOrCode);
        ProcessInstance instance = launcher.launch(id);
        return ResponseEntity.accepted().body(Map.of("campaignId", id, "processInstanceId", instance.getId(),
                "message", "Campagne lancée : les évaluations s'ouvrent en arrière-plan."));
    }

    @PostMapping(path = "/{id}/cohort", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CohortImport.Result importCohort(@PathVariable("id") String idOrCode, @RequestParam("file") MultipartFile file) throws IOException {
        Long id = campaigns.idOf(idOrCode);
        return imports.cohort(id, file);
    }

    @GetMapping("/templates/cohort.xlsx")
    ResponseEntity<byte[]> cohortTemplate() {
        return Attachments.xlsx("modele-cohorte.xlsx", ImportTemplates.cohort());
    }
}
