package fr.certiflow.referential.model;

import java.util.List;

/** A bloc de compétences: validated on its own and kept once acquired (capitalisable). */
public record Bloc(String code, Integer number, String title, List<Component> components) {

    public Bloc {
        components = Referential.copy(components);
    }
}
