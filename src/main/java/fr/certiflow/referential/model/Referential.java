package fr.certiflow.referential.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of a certification's référentiel: blocs de compétences, their composantes, activities, competences,
 * evaluation production and criteria. Immutable; a published version never changes (see ReferentialCatalog).
 */
public record Referential(String code, Integer version, String title, List<Bloc> blocs) {

    public Referential {
        blocs = copy(blocs);
    }

    public Stream<Component> components() {
        return blocs.stream().flatMap(bloc -> bloc.components().stream());
    }

    public Optional<Bloc> bloc(String blocCode) {
        return blocs.stream().filter(bloc -> bloc.code().equals(blocCode)).findFirst();
    }

    public Optional<Component> component(String componentCode) {
        return components().filter(component -> component.code().equals(componentCode)).findFirst();
    }

    public Stream<Competence> competences() {
        return components().flatMap(component -> component.competences().stream());
    }

    public Stream<Criterion> criteria() {
        return components().flatMap(component -> component.criteria().stream());
    }

    public Stream<Activity> activities() {
        return components().flatMap(component -> component.activities().stream());
    }

    /** Null-tolerant copy: a missing list is reported by the validator, not by a NullPointerException. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
    }
}
