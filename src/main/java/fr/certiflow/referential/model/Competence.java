package fr.certiflow.referential.model;

/** A competence of the référentiel de compétences (C.x.y.z). */
public record Competence(String code, String text) {
}
