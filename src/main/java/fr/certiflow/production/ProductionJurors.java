package fr.certiflow.production;

/**
 * Who is on a production's jury, kept by the jury module (which implements this): a production's files are read by
 * its jurors.
 */
public interface ProductionJurors {

    boolean isAssigned(Long productionId, String jurorUserId);
}
