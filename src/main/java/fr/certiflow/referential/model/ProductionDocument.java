package fr.certiflow.referential.model;

/**
 * A file the candidate hands in for a production.
 *
 * @param language the ISO 639-1 language the document must be written in, or null when any language is accepted
 * @param multiple whether several files may be handed in under this document (supplier quotes, say)
 */
public record ProductionDocument(String code, String label, String language, Boolean multiple) {

    public ProductionDocument {
        multiple = Boolean.TRUE.equals(multiple);
    }
}
