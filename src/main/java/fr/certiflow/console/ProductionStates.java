package fr.certiflow.console;

import fr.certiflow.production.ProductionStatus;
import java.util.EnumMap;
import java.util.Map;

/** A production's state as the console names it, and the colour of its part of the chart. */
final class ProductionStates {

    static final Map<ProductionStatus, String> LABELS = new EnumMap<>(Map.of(
            ProductionStatus.AWAITING_SUBMISSION, "Attendue",
            ProductionStatus.SUBMITTED, "Déposée",
            ProductionStatus.RETURNED, "Renvoyée au candidat",
            ProductionStatus.ADMISSIBLE, "Recevable",
            ProductionStatus.JURY_ASSIGNED, "Jury désigné",
            ProductionStatus.UNDER_EVALUATION, "En évaluation",
            ProductionStatus.HARMONISATION, "En harmonisation",
            ProductionStatus.ASSESSED, "Évaluée",
            ProductionStatus.ABSENT, "Non remise"));

    /** Colours readable on white and told apart by their lightness too; the chart also prints each count. */
    static final Map<ProductionStatus, String> COLOURS = new EnumMap<>(Map.of(
            ProductionStatus.AWAITING_SUBMISSION, "#c9ced6",
            ProductionStatus.SUBMITTED, "#8fb8e8",
            ProductionStatus.RETURNED, "#e8a33d",
            ProductionStatus.ADMISSIBLE, "#4d8fd6",
            ProductionStatus.JURY_ASSIGNED, "#2f6fb5",
            ProductionStatus.UNDER_EVALUATION, "#7a5cc7",
            ProductionStatus.HARMONISATION, "#b5478f",
            ProductionStatus.ASSESSED, "#2e8b57",
            ProductionStatus.ABSENT, "#b03a2e"));

    /**
     * A mark beside each label in the table of candidates × composantes, so that states are told apart by shape as well
     * as by colour (the label itself is always written).
     */
    static final Map<ProductionStatus, String> MARKS = new EnumMap<>(Map.of(
            ProductionStatus.AWAITING_SUBMISSION, "○",
            ProductionStatus.SUBMITTED, "◔",
            ProductionStatus.RETURNED, "↩",
            ProductionStatus.ADMISSIBLE, "◑",
            ProductionStatus.JURY_ASSIGNED, "◕",
            ProductionStatus.UNDER_EVALUATION, "✎",
            ProductionStatus.HARMONISATION, "⇄",
            ProductionStatus.ASSESSED, "✔",
            ProductionStatus.ABSENT, "✖"));

    /** The states in which a coordinator may still hand in or replace a file (before admissibility). */
    static boolean uploadable(String status) {
        return ProductionStatus.AWAITING_SUBMISSION.name().equals(status) || ProductionStatus.RETURNED.name().equals(status);
    }

    /** The same map keyed by the state's name, as the listing gives it, in the states' order. */
    static Map<String, String> byName(Map<ProductionStatus, String> map) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        map.forEach((state, value) -> named.put(state.name(), value));
        return named;
    }

    private ProductionStates() {
    }
}
