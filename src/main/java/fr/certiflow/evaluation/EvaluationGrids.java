package fr.certiflow.evaluation;

import java.util.Optional;

/**
 * The Excel grids handed to jurors, kept by the grid module (which implements this): an evaluation task links to its
 * juror's grid.
 */
public interface EvaluationGrids {

    /** The id of the grid of this production for this juror, if one was generated. */
    Optional<Long> gridId(Long productionId, String jurorUserId);
}
