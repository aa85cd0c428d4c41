package fr.certiflow.campaign;

import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import org.springframework.stereotype.Service;

/** The référentiel version a campaign points at, which a later edit of the file never changes. */
@Service
public class CampaignReferentials {

    private final ReferentialCatalog catalog;
    private final RegulationCatalog regulations;

    CampaignReferentials(ReferentialCatalog catalog, RegulationCatalog regulations) {
        this.catalog = catalog;
        this.regulations = regulations;
    }

    public java.util.Optional<Referential> latest(String code) {
        return catalog.latest(code);
    }

    public Referential of(Campaign campaign) {
        return catalog.find(campaign.getReferentialCode(), campaign.getReferentialVersion())
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaign.getCode() + " points at référentiel "
                        + campaign.getReferentialCode() + " version " + campaign.getReferentialVersion()
                        + ", which is not published"));
    }

    /** The règlement the campaign runs under. */
    public Regulation regulation(Campaign campaign) {
        return regulations.find(campaign.getReferentialCode(), campaign.getReferentialVersion(),
                campaign.getRegulationVersion()).orElseThrow(() -> new IllegalStateException("Campaign "
                        + campaign.getCode() + " runs under règlement " + campaign.getRegulationVersion()
                        + " of référentiel " + campaign.getReferentialCode() + " version "
                        + campaign.getReferentialVersion() + ", which is not published"));
    }

    public Component component(Campaign campaign, String componentCode) {
        return of(campaign).component(componentCode)
                .orElseThrow(() -> new IllegalStateException("Référentiel " + campaign.getReferentialCode() + " version "
                        + campaign.getReferentialVersion() + " has no component " + componentCode));
    }
}
