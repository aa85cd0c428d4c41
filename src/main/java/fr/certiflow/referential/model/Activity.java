package fr.certiflow.referential.model;

/** An activity of the référentiel d'activités (A.x.y). */
public record Activity(String code, String title) {
}
