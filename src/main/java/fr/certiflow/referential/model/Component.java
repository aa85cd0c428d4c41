package fr.certiflow.referential.model;

import java.util.List;

/** A composante of a bloc (A.1 … A.5 in the seed), assessed by one production against its criteria. */
public record Component(
        String code,
        String title,
        String summary,
        List<Activity> activities,
        List<Competence> competences,
        Production production,
        List<Criterion> criteria) {

    public Component {
        activities = Referential.copy(activities);
        competences = Referential.copy(competences);
        criteria = Referential.copy(criteria);
    }
}
