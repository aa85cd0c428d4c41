package fr.certiflow.evaluation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.production.AssessmentRoute;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.Regulations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shipped référentiel and règlement, and production contexts over them, for the evaluation services' unit tests. */
final class EvaluationFixtures {

    static final Referential REFERENTIAL = Regulations.seed();
    static final Regulation REGULATION = Regulations.shipped();

    private EvaluationFixtures() {
    }

    static Component component(String code) {
        return REFERENTIAL.component(code).orElseThrow();
    }

    /** A production (a mock) of campaign 1, jury assigned, nothing missing. */
    static Production production(long id) {
        Production production = mock(Production.class);
        when(production.getId()).thenReturn(id);
        when(production.getCandidateId()).thenReturn(100 + id);
        when(production.getStatus()).thenReturn(ProductionStatus.JURY_ASSIGNED);
        when(production.getMissingContents()).thenReturn(List.of());
        return production;
    }

    static ProductionContexts.Context context(Production production, String componentCode, boolean vae) {
        Campaign campaign = mock(Campaign.class);
        when(campaign.getId()).thenReturn(1L);
        Component component = component(componentCode);
        return new ProductionContexts.Context(production, campaign, REFERENTIAL, REGULATION, component,
                new AssessmentRoute(REGULATION, REFERENTIAL, component, vae));
    }

    /** A form rating every criterion of the composante as {@code rating}, with a comment on each. */
    static Map<String, Object> form(String componentCode, String prefix, String rating) {
        Map<String, Object> form = new HashMap<>();
        for (Criterion criterion : component(componentCode).criteria()) {
            form.put(prefix + EvaluationForms.ratingKey(criterion), rating);
            form.put(prefix + EvaluationForms.commentKey(criterion), "Commentaire " + criterion.code());
            form.put(prefix + EvaluationForms.remarkKey(criterion), "Remarque " + criterion.code());
        }
        return form;
    }
}
