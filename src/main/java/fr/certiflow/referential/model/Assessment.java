package fr.certiflow.referential.model;

import java.util.List;

/**
 * What the référentiel asks a candidate to produce for a composante: its modalité d'évaluation (the glossary's
 * « assessment »), as opposed to {@code production.Production}, the candidate's actual hand-in.
 *
 * @param scope the sentence of the référentiel that introduces the production
 * @param name the production's name
 * @param complement the text that follows the name, if any
 * @param contents what the production contains ("comprenant : …"), possibly empty
 * @param modality the kind of exercise (note d'analyse, étude de cas, …)
 * @param englishRequired whether the production's documents must be written in English
 * @param documents the files a candidate hands in
 */
public record Assessment(
        String scope,
        String name,
        String complement,
        List<String> contents,
        String modality,
        WorkMode workMode,
        List<Format> formats,
        Boolean englishRequired,
        List<AssessmentDocument> documents) {

    public Assessment {
        contents = contents == null ? List.of() : Referential.copy(contents);
        formats = Referential.copy(formats);
        englishRequired = Boolean.TRUE.equals(englishRequired);
        documents = Referential.copy(documents);
    }

    public boolean hasOral() {
        return formats != null && formats.contains(Format.ORAL);
    }

    public boolean collective() {
        return workMode == WorkMode.COLLECTIVE;
    }

    public enum WorkMode { INDIVIDUAL, COLLECTIVE }

    public enum Format { WRITTEN, ORAL }
}
