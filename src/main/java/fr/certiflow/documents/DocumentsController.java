package fr.certiflow.documents;

import fr.certiflow.errors.NotFoundException;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.progress.CampaignProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The jury's documents as Excel workbooks: minutes, progress, consolidated grids. */
@RestController
class DocumentsController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MinutesService minutes;
    private final CampaignProgress progress;
    private final ProductionRepository productions;
    private final ConsolidatedGrids grids;
    private final CampaignRepository campaigns;

    DocumentsController(MinutesService minutes, CampaignProgress progress, ProductionRepository productions,
            ConsolidatedGrids grids, CampaignRepository campaigns) {
        this.campaigns = campaigns;
        this.minutes = minutes;
        this.progress = progress;
        this.productions = productions;
        this.grids = grids;
    }

    @GetMapping("/api/campaigns/{id}/minutes")
    ResponseEntity<byte[]> minutes(@PathVariable("id") String idOrCode) {
        Long id = campaigns.idOf(idOrCode);
        return workbook("pv-deliberation-" + id + ".xlsx", minutes.minutes(id));
    }

    @GetMapping("/api/campaigns/{id}/progress.xlsx")
    ResponseEntity<byte[]> progress(@PathVariable("id") String idOrCode) throws IOException {
        Long id = campaigns.idOf(idOrCode);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ProgressWorkbook.write(out, progress.of(id));
            return workbook("avancement-" + id + ".xlsx", out.toByteArray());
        }
    }

    @GetMapping("/api/productions/{id}/consolidated.xlsx")
    ResponseEntity<byte[]> consolidated(@PathVariable Long id) {
        if (!productions.existsById(id)) {
            throw new NotFoundException("Aucune production n° " + id + ".");
        }
        byte[] content = grids.of(id);
        return workbook("grille-consolidee-" + id + ".xlsx", content);
    }

    private static ResponseEntity<byte[]> workbook(String filename, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(XLSX)
                .body(content);
    }
}
