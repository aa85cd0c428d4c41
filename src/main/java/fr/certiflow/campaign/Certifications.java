package fr.certiflow.campaign;

import java.util.List;
import java.util.Optional;

/**
 * The certification decisions the campaign process asks for, kept by the deliberation module (which implements this):
 * proposed at the end of the bloc assessments, announced to each candidate once the jury decided. Called from the
 * process glue, in the engine's transaction.
 */
public interface Certifications {

    /** Proposes each candidate's certification decision; returns how many are proposed as awarded. */
    int propose(Campaign campaign, List<Candidate> cohort);

    /** The decision the jury took for a candidate of the campaign, if any. */
    Optional<Decision> decision(Long campaignId, Long candidateId);

    /** A certification decision as a candidate reads it: its French label, and whether the certification is awarded. */
    record Decision(String label, boolean awarded) {
    }
}
