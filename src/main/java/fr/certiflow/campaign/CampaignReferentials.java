package fr.certiflow.campaign;

import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import org.springframework.stereotype.Service;

/** The référentiel version a campaign points at, which a later edit of the file never changes. */
@Service
public class CampaignReferentials {

    private final ReferentialCatalog catalog;

    CampaignReferentials(ReferentialCatalog catalog) {
        this.catalog = catalog;
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

    public Component component(Campaign campaign, String componentCode) {
        return of(campaign).component(componentCode)
                .orElseThrow(() -> new IllegalStateException("Référentiel " + campaign.getReferentialCode() + " version "
                        + campaign.getReferentialVersion() + " has no component " + componentCode));
    }
}
