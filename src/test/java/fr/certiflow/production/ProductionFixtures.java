package fr.certiflow.production;

import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.Regulations;
import java.time.Instant;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Plain objects for the unit tests of the production services: the seed's référentiel and the shipped règlement, read
 * without Spring, and entities with their ids set as the database would.
 */
final class ProductionFixtures {

    static final Referential REFERENTIAL = Regulations.seed();
    static final Regulation REGULATION = Regulations.shipped();
    static final Instant OPENS = Instant.parse("2027-01-04T08:00:00Z");
    static final Instant DEADLINE = Instant.parse("2027-03-01T17:00:00Z");

    private ProductionFixtures() {
    }

    static Campaign campaign() {
        Campaign campaign = new Campaign("MMDC-2027", "MMDC 2027", REFERENTIAL.code(), REFERENTIAL.version(), OPENS, OPENS);
        ReflectionTestUtils.setField(campaign, "id", 1L);
        return campaign;
    }

    static Candidate candidate(long id, String number, String firstName, String lastName) {
        Candidate candidate = new Candidate(1L, number, lastName, firstName, number + "@exemple.fr");
        ReflectionTestUtils.setField(candidate, "id", id);
        candidate.setPathway(Pathway.FORMATION);
        return candidate;
    }

    static Candidate vae(Candidate candidate) {
        candidate.setPathway(Pathway.VAE);
        return candidate;
    }

    static Candidate tiersTemps(Candidate candidate) {
        candidate.setAccommodation(Accommodation.TIERS_TEMPS, null);
        return candidate;
    }

    static Production production(long id, Candidate candidate, String componentCode, Instant deadline) {
        Production production = new Production(1L, candidate.getId(), componentCode, 1,
                fr.certiflow.process.ProcessKeys.productionBusinessKey("MMDC-2027", candidate.getNumber(), componentCode, 1), 50L, deadline);
        ReflectionTestUtils.setField(production, "id", id);
        return production;
    }

    static Component component(String code) {
        return REFERENTIAL.component(code).orElseThrow();
    }

    static ProductionContexts.Context context(Production production, Candidate candidate) {
        Component component = component(production.getComponentCode());
        return new ProductionContexts.Context(production, campaign(), REFERENTIAL, REGULATION, component,
                AssessmentRoute.of(REGULATION, REFERENTIAL, component, candidate));
    }
}
