package fr.certiflow.identity;

import java.util.List;

/** The Camunda groups Certiflow's roles map to. */
public final class Groups {

    public static final String COORDINATORS = "coordinators";
    public static final String JURORS = "jurors";
    public static final String JURY_PRESIDENTS = "jury-presidents";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "admins";
    /** Camunda's own administrators group: every permission, and the webapps' Admin. */
    public static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    static final String CAMUNDA_ADMIN_NAME = "Administrateurs Camunda";

    /** Id and French display name of each group. */
    static final List<Group> ALL = List.of(
            new Group(COORDINATORS, "Coordinateurs"),
            new Group(JURORS, "Jurés"),
            new Group(JURY_PRESIDENTS, "Présidents de jury"),
            new Group(MANAGERS, "Responsables pédagogiques"),
            new Group(ADMINS, "Administrateurs"));

    private Groups() {
    }

    /** The French name users know a group by, e.g. in an import's problem; the id for a group not Certiflow's. */
    public static String displayName(String groupId) {
        if (CAMUNDA_ADMIN.equals(groupId)) {
            return CAMUNDA_ADMIN_NAME;
        }
        return ALL.stream().filter(group -> group.id().equals(groupId)).map(Group::name).findFirst().orElse(groupId);
    }

    record Group(String id, String name) {
    }
}
