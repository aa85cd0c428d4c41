package fr.certiflow.jury;

import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.web.Attachments;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A campaign's jury pool for coordinators: its template and its import (roles: {@code fr.certiflow.identity.ApiSecurity}).
 */
@RestController
@RequestMapping("/api/campaigns")
class JuryPoolController {

    private final CampaignRepository campaigns;
    private final JuryPoolUploads uploads;
    private final CurrentUsers users;

    JuryPoolController(CampaignRepository campaigns, JuryPoolUploads uploads, CurrentUsers users) {
        this.campaigns = campaigns;
        this.uploads = uploads;
        this.users = users;
    }

    @PostMapping(path = "/{id}/jurors", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    JuryPoolImport.Result importJurors(@PathVariable("id") String idOrCode, @RequestParam("file") MultipartFile file) throws IOException {
        Long id = campaigns.idOf(idOrCode);
        return uploads.upload(id, file, users.require().id());
    }

    @GetMapping("/templates/jurors.xlsx")
    ResponseEntity<byte[]> jurorsTemplate() {
        return Attachments.xlsx("modele-jury.xlsx", JuryPoolTemplate.workbook());
    }
}
