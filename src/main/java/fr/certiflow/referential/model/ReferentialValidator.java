package fr.certiflow.referential.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a référentiel must follow before a campaign may use it. Every problem is collected, so that the author
 * fixes the file in one go.
 */
public final class ReferentialValidator {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public List<Problem> validate(Referential referential) {
        Check check = new Check();
        check.notBlank("référentiel", "code", referential.code());
        check.notBlank("référentiel", "title", referential.title());
        if (referential.version() == null || referential.version() < 1) {
            check.problem("référentiel", "version must be a whole number of at least 1, found " + referential.version());
        }
        if (check.notEmpty("référentiel", "blocs", referential.blocs())) {
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < referential.blocs().size(); i++) {
                Bloc bloc = referential.blocs().get(i);
                String path = "blocs[" + i + "]";
                String name = check.element("bloc", bloc.code(), path);
                check.code(name, path, bloc.code());
                check.notBlank(name, "title", bloc.title());
                if (bloc.number() == null) {
                    check.problem(name, "number is missing");
                } else if (!numbers.add(bloc.number())) {
                    check.problem(name, "number " + bloc.number() + " is used by another bloc");
                }
                if (check.notEmpty(name, "components", bloc.components())) {
                    for (int j = 0; j < bloc.components().size(); j++) {
                        validate(bloc.components().get(j), path + ".components[" + j + "]", check);
                    }
                }
            }
        }
        checkCompetencesAssessed(referential, check);
        return check.problems;
    }

    private void validate(Component component, String path, Check check) {
        String name = check.element("component", component.code(), path);
        check.code(name, path, component.code());
        check.notBlank(name, "title", component.title());
        if (component.summary() != null) {
            check.notBlank(name, "summary", component.summary());
        }
        if (component.activities() != null) {
            for (int i = 0; i < component.activities().size(); i++) {
                Activity activity = component.activities().get(i);
                String activityPath = path + ".activities[" + i + "]";
                String activityName = check.element("activity", activity.code(), activityPath);
                check.code(activityName, activityPath, activity.code());
                check.notBlank(activityName, "title", activity.title());
            }
        }
                if (check.notEmpty(name, "competences", component.competences())) {
            for (int i = 0; i < component.competences().size(); i++) {
                Competence competence = component.competences().get(i);
                String competencePath = path + ".competences[" + i + "]";
                String competenceName = check.element("competence", competence.code(), competencePath);
                check.code(competenceName, competencePath, competence.code());
                check.notBlank(competenceName, "text", competence.text());
                if (competence.code() != null) {
                    check.competenceOwner.put(competence.code(), component.code());
                }
            }
        }
        validate(component.assessment(), name, check);
        if (check.notEmpty(name, "criteria", component.criteria())) {
            for (int i = 0; i < component.criteria().size(); i++) {
                validate(component.criteria().get(i), path + ".criteria[" + i + "]", component, check);
            }
        }
    }

    private void validate(Assessment production, String componentName, Check check) {
        String name = componentName + " production";
        if (production == null) {
            check.problem(componentName, "production is missing");
            return;
        }
        check.notBlank(name, "name", production.name());
        if (production.workMode() == null) {
            check.problem(name, "workMode is missing (INDIVIDUAL or COLLECTIVE)");
        }
        if (check.notEmpty(name, "formats", production.formats())
                && new HashSet<>(production.formats()).size() != production.formats().size()) {
            check.problem(name, "formats lists the same format twice: " + production.formats());
        }
        Set<String> items = new HashSet<>();
        for (String content : production.contents()) {
            if (check.notBlank(name, "content item", content) && !items.add(content.strip())) {
                check.problem(name, "content item '" + content.strip() + "' is listed twice");
            }
        }
        if (check.notEmpty(name, "documents", production.documents())) {
            Set<String> codes = new HashSet<>();
            boolean english = false;
            for (AssessmentDocument document : production.documents()) {
                String documentName = name + " document " + (document.code() == null ? "?" : document.code());
                if (check.notBlank(documentName, "code", document.code()) && !codes.add(document.code())) {
                    check.problem(documentName, "code is used by another document of the production");
                }
                check.notBlank(documentName, "label", document.label());
                if (document.language() != null && !LANGUAGE.matcher(document.language()).matches()) {
                    check.problem(documentName, "language must be a two-letter ISO 639-1 code, found '"
                            + document.language() + "'");
                }
                english |= "en".equals(document.language());
            }
            if (production.documents().stream().noneMatch(AssessmentDocument::isRequired)) {
                check.problem(name, "no document is required: set required to true (or leave it out) on at least one");
            }
            if (production.englishRequired() && !english) {
                check.problem(name, "englishRequired is true but no document has language 'en'");
            }
        }
    }

    private void validate(Criterion criterion, String path, Component component, Check check) {
        String name = check.element("criterion", criterion.code(), path);
        check.code(name, path, criterion.code());
        check.notBlank(name, "title", criterion.title());
        check.notBlank(name, "relation", criterion.relation());
        if (check.notEmpty(name, "indicators", criterion.indicators())) {
            for (int i = 0; i < criterion.indicators().size(); i++) {
                check.notBlank(name, "indicator " + (i + 1), criterion.indicators().get(i));
            }
        }
        if (check.notEmpty(name, "competences", criterion.competences())) {
            Set<String> seen = new HashSet<>();
            for (String competence : criterion.competences()) {
                if (!seen.add(competence)) {
                    check.problem(name, "lists competence " + competence + " twice");
                }
                check.assessed.computeIfAbsent(competence, code -> new ArrayList<>())
                        .add(new CriterionRef(criterion.code(), component.code(), name));
            }
        }
    }

    /** Runs once every component is read, since a criterion may name a competence of a later component. */
    private void checkCompetencesAssessed(Referential referential, Check check) {
        check.assessed.forEach((competence, criteria) -> {
            for (CriterionRef criterion : criteria) {
                String owner = check.competenceOwner.get(competence);
                if (owner == null) {
                    check.problem(criterion.name(), "assesses competence " + competence + ", which the référentiel does not define");
                } else if (!owner.equals(criterion.component())) {
                    check.problem(criterion.name(), "assesses competence " + competence + " of component " + owner
                            + ", not of its own component " + criterion.component());
                }
            }
        });
        if (referential.blocs() == null) {
            return;
        }
        referential.blocs().stream()
                .filter(bloc -> bloc.components() != null)
                .flatMap(bloc -> bloc.components().stream())
                .filter(component -> component.competences() != null)
                .forEach(component -> component.competences().stream()
                        .filter(competence -> competence.code() != null)
                        .filter(competence -> check.assessed.getOrDefault(competence.code(), List.of()).stream()
                                .noneMatch(criterion -> criterion.component().equals(component.code())))
                        .forEach(competence -> check.problem("competence " + competence.code(),
                                "is assessed by no criterion of component " + component.code())));
    }

    private record CriterionRef(String code, String component, String name) {
    }

    private static final class Check {

        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, String> codes = new HashMap<>();
        private final Map<String, String> competenceOwner = new HashMap<>();
        private final Map<String, List<CriterionRef>> assessed = new java.util.LinkedHashMap<>();

        void problem(String element, String message) {
            problems.add(new Problem(element, message));
        }

        /** Names an element by its code, or by its path in the file when it has none. */
        String element(String kind, String code, String path) {
            return code == null || code.isBlank() ? kind + " at " + path : kind + " " + code;
        }

        boolean notBlank(String element, String field, String value) {
            if (value == null || value.isBlank()) {
                problem(element, field + " is empty");
                return false;
            }
            return true;
        }

        boolean notEmpty(String element, String field, List<?> values) {
            if (values == null || values.isEmpty()) {
                problem(element, field + " is empty");
                return false;
            }
            return true;
        }

        void code(String element, String path, String code) {
            if (notBlank(element, "code", code)) {
                String previous = codes.putIfAbsent(code, element.replace(" " + code, "") + " at " + path);
                if (previous != null) {
                    problem(element, "code " + code + " at " + path + " is already used by the " + previous);
                }
            }
        }
    }
}
