package fr.certiflow.referential.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A composante of a bloc (A.1 … A.5 in the seed), assessed by one production against its criteria.
 *
 * @param assessment what the référentiel asks the candidate to produce (its « modalité d'évaluation »); named
 *     {@code production} in the référentiel's file and in the published JSON, which stay as they were
 */
public record Component(
        String code,
        String title,
        String summary,
        List<Activity> activities,
        List<Competence> competences,
        @JsonProperty("production") Assessment assessment,
        List<Criterion> criteria) {

    public Component {
        activities = Referential.copy(activities);
        competences = Referential.copy(competences);
        criteria = Referential.copy(criteria);
    }
}
