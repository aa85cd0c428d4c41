package fr.certiflow.referential.model;

import java.util.List;

/**
 * An evaluation criterion: its title, the sentence that links it to competences ("En relation avec …"), the codes
 * of those competences and its observable indicators.
 */
public record Criterion(String code, String title, String relation, List<String> competences, List<String> indicators) {

    public Criterion {
        competences = Referential.copy(competences);
        indicators = Referential.copy(indicators);
    }
}
