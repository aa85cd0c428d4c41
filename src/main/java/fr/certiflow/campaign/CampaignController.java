package fr.certiflow.campaign;

import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.jury.JuryPoolImport;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Campaigns for coordinators: create, import the cohort and the jury pool, launch; read for managers too (roles:
 * {@code fr.certiflow.identity.ApiSecurity}).
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CampaignService service;
    private final CampaignRepository campaigns;
    private final CampaignLauncher launcher;
    private final CampaignImports imports;
    private final CurrentUsers users;

    CampaignController(CampaignService service, CampaignRepository campaigns, CampaignLauncher launcher,
            CampaignImports imports, CurrentUsers users) {
        this.service = service;
        this.campaigns = campaigns;
        this.launcher = launcher;
        this.imports = imports;
        this.users = users;
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

    @PostMapping(path = "/{id}/jurors", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    JuryPoolImport.Result importJurors(@PathVariable("id") String idOrCode, @RequestParam("file") MultipartFile file) throws IOException {
        Long id = campaigns.idOf(idOrCode);
        return imports.jurors(id, file, users.require().id());
    }

    @GetMapping("/templates/cohort.xlsx")
    ResponseEntity<byte[]> cohortTemplate() {
        return workbook("modele-cohorte.xlsx", ImportTemplates.cohort());
    }

    @GetMapping("/templates/jurors.xlsx")
    ResponseEntity<byte[]> jurorsTemplate() {
        return workbook("modele-jury.xlsx", ImportTemplates.jurors());
    }


    private static ResponseEntity<byte[]> workbook(String filename, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(XLSX)
                .body(content);
    }
}
