package fr.certiflow.referential;

import java.time.Instant;

/** A published référentiel version, without its tree. */
public record ReferentialSummary(String code, int version, String title, Instant registeredAt) {
}
