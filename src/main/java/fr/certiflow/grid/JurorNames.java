package fr.certiflow.grid;

/** The names the grids show for jurors: from the users Certiflow knows. */
public interface JurorNames {

    /** « Prénom Nom », or the user id when no such user is known. */
    String displayName(String userId);
}
