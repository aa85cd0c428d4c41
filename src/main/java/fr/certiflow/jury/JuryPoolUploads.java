package fr.certiflow.jury;

import fr.certiflow.campaign.CampaignImports;
import java.io.IOException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * A campaign's jury pool imported from an uploaded file, the same way for the API and the console: through the
 * campaign's import gate (one import at a time on a node, the file streamed under the import limit).
 */
@Service
public class JuryPoolUploads {

    private final CampaignImports imports;
    private final JuryPoolImport jury;

    JuryPoolUploads(CampaignImports imports, JuryPoolImport jury) {
        this.imports = imports;
        this.jury = jury;
    }

    public JuryPoolImport.Result upload(Long campaignId, MultipartFile file, String importedBy) throws IOException {
        return imports.importing("jurors", file, (name, content) -> jury.importFile(campaignId, name, content, importedBy));
    }
}
