package fr.certiflow.regulation;

import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.referential.model.Problem;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules a règlement must keep to be usable: every problem is collected, each with the element it concerns, so
 * that one start reports them all. Checked against the référentiel it applies to (criteria it names must exist).
 */
final class RegulationValidator {

    List<Problem> validate(Regulation regulation, Function<Regulation.ReferentialVersion, Referential> referentials) {
        List<Problem> problems = new ArrayList<>();
        Referential referential = null;
        if (regulation.referential() == null || blank(regulation.referential().code())) {
            problems.add(new Problem("referential", "is required (code and version of the référentiel)"));
        } else {
            referential = referentials.apply(regulation.referential());
            if (referential == null) {
                problems.add(new Problem("referential", "référentiel " + regulation.referential().code() + " version "
                        + regulation.referential().version() + " is not published"));
            }
        }
        if (regulation.version() < 1) {
            problems.add(new Problem("version", "must be 1 or more, found " + regulation.version()));
        }
        require(problems, "title", regulation.title());
        require(problems, "certifier", regulation.certifier());
        scale(problems, regulation.scale());
        component(problems, regulation.component(), referential);
        if (present(problems, "bloc", regulation.bloc())) {
            if (regulation.bloc().validityYears() != null && regulation.bloc().validityYears() < 1) {
                problems.add(new Problem("bloc.validityYears", "must be 1 or more, or absent for no limit"));
            }
            allOrCount(problems, "bloc.minimumValidatedComponents", regulation.bloc().minimumValidatedComponents(),
                    referential == null ? null : referential.blocs().stream()
                            .mapToInt(bloc -> bloc.components().size()).max().orElse(0),
                    "composantes of its largest bloc");
        }
        if (present(problems, "certification", regulation.certification())) {
            allOrCount(problems, "certification.minimumAcquiredBlocs", regulation.certification().minimumAcquiredBlocs(),
                    referential == null ? null : referential.blocs().size(), "blocs of the référentiel");
        }
        if (present(problems, "resits", regulation.resits())) {
            atLeast(problems, "resits.attempts", regulation.resits().attempts(), 0);
            atLeast(problems, "resits.periodDays", regulation.resits().periodDays(), 1);
            oneOf(problems, "resits.keep", regulation.resits().keep(), Regulation.Resits.KEEPS,
                    "what a resit keeps: " + Regulation.Resits.KEEP_VALIDATED_COMPONENTS + " (the composantes validated) or "
                            + Regulation.Resits.KEEP_NOTHING + " (the whole bloc is assessed again)");
        }
        if (present(problems, "admissibility", regulation.admissibility())) {
            atLeast(problems, "admissibility.returnsAllowed", regulation.admissibility().returnsAllowed(), 0);
        }
        if (present(problems, "accommodations", regulation.accommodations())
                && present(problems, "accommodations.tiersTemps", regulation.accommodations().tiersTemps())) {
            atLeast(problems, "accommodations.tiersTemps.numerator", regulation.accommodations().tiersTemps().numerator(), 0);
            atLeast(problems, "accommodations.tiersTemps.denominator", regulation.accommodations().tiersTemps().denominator(), 1);
            require(problems, "accommodations.tiersTemps.oral", regulation.accommodations().tiersTemps().oral());
        }
        juries(problems, regulation.juries());
        if (present(problems, "groups", regulation.groups())) {
            atLeast(problems, "groups.minimumSize", regulation.groups().minimumSize(), 1);
            atLeast(problems, "groups.maximumSize", regulation.groups().maximumSize(), regulation.groups().minimumSize());
        }
        if (present(problems, "languageCheck", regulation.languageCheck())) {
            between(problems, "languageCheck.minimumConfidencePercent",
                    regulation.languageCheck().minimumConfidencePercent(), 1, 100);
        }
        pathways(problems, regulation.pathways());
        return problems;
    }

    private static void pathways(List<Problem> problems, Regulation.Pathways pathways) {
        if (!present(problems, "pathways", pathways)) {
            return;
        }
        if (present(problems, "pathways.formation", pathways.formation())) {
            require(problems, "pathways.formation.label", pathways.formation().label());
            require(problems, "pathways.formation.route", pathways.formation().route());
        }
        Regulation.VaePathway vae = pathways.vae();
        if (!present(problems, "pathways.vae", vae)) {
            return;
        }
        require(problems, "pathways.vae.label", vae.label());
        require(problems, "pathways.vae.route", vae.route());
        if (vae.interview() != null && vae.interview().isBlank()) {
            problems.add(new Problem("pathways.vae.interview", "is blank: name the interview, or leave it out for none"));
        }
        if (vae.documents().isEmpty()) {
            problems.add(new Problem("pathways.vae.documents", "needs at least one document (the dossier de validation)"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < vae.documents().size(); i++) {
            Regulation.PathwayDocument document = vae.documents().get(i);
            String where = "pathways.vae.documents[" + i + "]";
            if (document == null) {
                problems.add(new Problem(where, "is empty"));
                continue;
            }
            uniqueCode(problems, where, document.code(), "[a-z][a-z0-9-]{0,31}",
                    "lower case letters, digits, hyphens, 32 characters at most", codes, "document");
            require(problems, where + ".label", document.label());
        }
        Regulation.VaeJury jury = vae.jury();
        if (present(problems, "pathways.vae.jury", jury)) {
            between(problems, "pathways.vae.jury.jurors", jury.jurors(), 1, 9);
            between(problems, "pathways.vae.jury.externalMinimum", jury.externalMinimum(), 0, jury.jurors());
            between(problems, "pathways.vae.jury.languageQualifiedMinimum", jury.languageQualifiedMinimum(), 0,
                    jury.jurors());
        }
    }

    private static void scale(List<Problem> problems, Regulation.Scale scale) {
        if (!present(problems, "scale", scale) || scale.levels() == null || scale.levels().size() < 2) {
            if (scale != null) {
                problems.add(new Problem("scale.levels", "needs at least two levels"));
            }
            return;
        }
        Set<String> codes = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < scale.levels().size(); i++) {
            Level level = scale.levels().get(i);
            String where = "scale.levels[" + i + "]";
            if (level == null) {
                problems.add(new Problem(where, "is empty"));
                continue;
            }
            uniqueCode(problems, where, level.code(), "[A-Z][A-Z0-9_]{0,31}",
                    "capitals, digits, underscores, 32 characters at most", codes, "level");
            if (blank(level.label())) {
                problems.add(new Problem(where + ".label", "is required"));
            } else if (!labels.add(level.label().strip().toLowerCase())) {
                problems.add(new Problem(where + ".label", "'" + level.label() + "' is used by another level"));
            }
        }
        if (scale.levels().stream().noneMatch(level -> level != null && level.acquired())) {
            problems.add(new Problem("scale.levels", "no level counts as acquired"));
        }
        if (scale.levels().stream().allMatch(level -> level != null && level.acquired())) {
            problems.add(new Problem("scale.levels", "every level counts as acquired: a criterion could never fail"));
        }
    }

    private static void component(List<Problem> problems, Regulation.ComponentRule rule, Referential referential) {
        if (!present(problems, "component", rule)) {
            return;
        }
        between(problems, "component.minimumAcquiredPercent", rule.minimumAcquiredPercent(), 1, 100);
        if (referential == null) {
            return;
        }
        Set<String> criteria = referential.blocs().stream().flatMap(bloc -> bloc.components().stream())
                .map(Component::criteria).flatMap(List::stream).map(Criterion::code).collect(Collectors.toSet());
        for (String code : rule.requiredCriteria()) {
            if (!criteria.contains(code)) {
                problems.add(new Problem("component.requiredCriteria", "'" + code + "' is not a criterion of référentiel "
                        + referential.code() + " version " + referential.version()));
            }
        }
    }

    private static void juries(List<Problem> problems, Regulation.Juries juries) {
        if (!present(problems, "juries", juries)) {
            return;
        }
        Regulation.ProductionJury production = juries.production();
        if (present(problems, "juries.production", production)) {
            between(problems, "juries.production.jurors", production.jurors(), 1, 9);
            between(problems, "juries.production.externalMinimum", production.externalMinimum(), 0, production.jurors());
            between(problems, "juries.production.languageQualifiedMinimum", production.languageQualifiedMinimum(), 0,
                    production.jurors());
            present(problems, "juries.production.exclude", production.exclude());
        }
        Regulation.CertificationJury certification = juries.certification();
        if (present(problems, "juries.certification", certification)) {
            atLeast(problems, "juries.certification.minimumMembers", certification.minimumMembers(), 1);
            between(problems, "juries.certification.quorum", certification.quorum(), 1, certification.minimumMembers());
            oneOf(problems, "juries.certification.chair", certification.chair(), Regulation.CertificationJury.CHAIRS,
                    "who chairs the certification jury: " + Regulation.CertificationJury.CHAIR_JURY_PRESIDENT
                            + " (a jury president of the campaign's pool), the only choice supported");
        }
    }

    /** « all », or a number from 1 to {@code maximum} (unchecked when the référentiel is unknown). */
    private static void allOrCount(List<Problem> problems, String element, String value, Integer maximum, String what) {
        if (blank(value)) {
            problems.add(new Problem(element, "is required (" + Regulation.ALL + ", or a number)"));
            return;
        }
        if (Regulation.ALL.equals(value)) {
            return;
        }
        int count;
        try {
            count = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(element, "'" + value + "' is neither " + Regulation.ALL + " nor a number"));
            return;
        }
        if (count < 1) {
            problems.add(new Problem(element, "must be " + Regulation.ALL + " or 1 or more, found " + count));
        } else if (maximum != null && count > maximum) {
            problems.add(new Problem(element, "must be " + Regulation.ALL + " or at most " + maximum + " (the " + what
                    + "), found " + count));
        }
    }

    /** A code that must have its form and be unique among its siblings (levels, documents). */
    private static void uniqueCode(List<Problem> problems, String where, String code, String pattern, String form,
            Set<String> codes, String kind) {
        if (code == null || !code.matches(pattern)) {
            problems.add(new Problem(where + ".code", "'" + code + "' is not a " + kind + " code (" + form + ")"));
        } else if (!codes.add(code)) {
            problems.add(new Problem(where + ".code", "'" + code + "' is used by another " + kind));
        }
    }

    /** A choice among named values: absent, or a value not among them, is named with what it may be. */
    private static void oneOf(List<Problem> problems, String element, String value, Set<String> allowed, String what) {
        if (blank(value)) {
            problems.add(new Problem(element, "is required (" + what + ")"));
        } else if (!allowed.contains(value)) {
            problems.add(new Problem(element, "'" + value + "' is not " + what));
        }
    }

    private static boolean present(List<Problem> problems, String element, Object value) {
        if (value == null) {
            problems.add(new Problem(element, "is required"));
            return false;
        }
        return true;
    }

    private static void require(List<Problem> problems, String element, String value) {
        if (blank(value)) {
            problems.add(new Problem(element, "is required"));
        }
    }

    private static void atLeast(List<Problem> problems, String element, int value, int minimum) {
        if (value < minimum) {
            problems.add(new Problem(element, "must be " + minimum + " or more, found " + value));
        }
    }

    private static void between(List<Problem> problems, String element, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) {
            problems.add(new Problem(element, "must be between " + minimum + " and " + maximum + ", found " + value));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
