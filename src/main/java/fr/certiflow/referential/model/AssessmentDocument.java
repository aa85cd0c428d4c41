package fr.certiflow.referential.model;

/**
 * A file the candidate hands in for a production.
 *
 * @param language the ISO 639-1 language the document must be written in, or null when any language is accepted
 * @param multiple whether several files may be handed in under this document (supplier quotes, say)
 * @param required whether the submission is complete only once this document is handed in (absent: required); an
 *     optional document is handed in, if at all, before the last required one
 */
public record AssessmentDocument(String code, String label, String language, Boolean multiple, Boolean required) {

    public AssessmentDocument {
        multiple = Boolean.TRUE.equals(multiple);
        required = !Boolean.FALSE.equals(required);
    }

    public boolean isRequired() {
        return required;
    }
}
