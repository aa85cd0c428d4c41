package fr.certiflow.identity;

import java.util.List;

/** The Camunda groups Certiflow's roles map to. */
public final class Groups {

    public static final String COORDINATORS = "coordinators";
    public static final String JURORS = "jurors";
    public static final String JURY_PRESIDENTS = "jury-presidents";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "admins";
    /** Camunda's own administrators' group (Admin webapp); its members administer Certiflow too. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Id and French display name of each group. */
    static final List<Group> ALL = List.of(
            new Group(COORDINATORS, "Coordinateurs"),
            new Group(JURORS, "Jurés"),
            new Group(JURY_PRESIDENTS, "Présidents de jury"),
            new Group(MANAGERS, "Responsables pédagogiques"),
            new Group(ADMINS, "Administrateurs"));

    private Groups() {
    }

    record Group(String id, String name) {
    }
}
