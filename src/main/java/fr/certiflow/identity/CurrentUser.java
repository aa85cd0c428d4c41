package fr.certiflow.identity;

import java.util.Set;

/** Who is calling, and the Camunda groups they belong to. */
public record CurrentUser(String id, Set<String> groups) {

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public boolean isAdministrator() {
        return groups.contains(Groups.ADMINS) || groups.contains(Groups.CAMUNDA_ADMIN);
    }
}
