package fr.certiflow.jury;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every decision on who may sit on a production's jury, under a {@link JuryPolicy}: a juror's objections for a
 * candidate, a jury's shortfalls, both as French sentences a coordinator reads. The assignment rule keeps only jurors
 * without objection and juries without shortfall; a coordinator who sets a rule aside must say why. Pure: no engine,
 * no database.
 */
public final class JuryRules {

    private JuryRules() {
    }

    /**
     * Whom the jury is for.
     *
     * @param candidateNumber the candidate, for conflicts declared with them
     * @param trainer the candidate's trainer or tutor (a juror's display name or user id)
     * @param employer the candidate's employer (an organisation)
     * @param excluded user ids set aside for this production
     * @param label how a coordinator reads the candidate (« Prénom Nom (n° 2027-001) »), to name the member of a group
     *     an objection concerns
     */
    public record Candidacy(String candidateNumber, String trainer, String employer, Set<String> excluded, String label) {

        public Candidacy {
            excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
            label = label == null ? "n° " + candidateNumber : label;
        }

        public Candidacy(String candidateNumber, String trainer, String employer, Set<String> excluded) {
            this(candidateNumber, trainer, employer, excluded, null);
        }
    }

    /** What the policy asks of a juror's language qualification: the only foreign language Certiflow knows is English. */
    public static boolean languageQualified(Juror juror) {
        return juror.isEnglishQualified();
    }

    /**
     * Why this juror may not evaluate this candidate's production, in French; empty when nothing stands in the way.
     *
     * @param load the productions the juror already evaluates in the campaign
     */
    public static List<String> objections(JuryPolicy policy, Juror juror, Candidacy candidacy, long load) {
        List<String> objections = new ArrayList<>();
        if (candidacy.excluded().contains(juror.getUserId())) {
            objections.add("écarté de cette production");
        }
        if (juror.isPresident() && !policy.presidentsEvaluate()) {
            objections.add("président de jury : il harmonise et délibère, il n'évalue pas");
        }
        if (policy.excludeTrainer() && (same(juror.getDisplayName(), candidacy.trainer()) || same(juror.getUserId(), candidacy.trainer()))) {
            objections.add("formateur ou tuteur du candidat");
        }
        if (policy.excludeEmployer() && same(juror.getOrganisation(), candidacy.employer())) {
            objections.add("appartient à l'entreprise du candidat (" + candidacy.employer().strip() + ")");
        }
        if (policy.excludeDeclaredConflicts()) {
            if (candidacy.candidateNumber() != null && juror.conflicts().contains(candidacy.candidateNumber())) {
                objections.add("conflit d'intérêts déclaré avec le candidat");
            }
            if (juror.conflicts().stream().anyMatch(value -> same(value, candidacy.employer()))) {
                objections.add("conflit d'intérêts déclaré avec l'entreprise du candidat (" + candidacy.employer().strip() + ")");
            }
        }
        if (load >= juror.getMaxLoad()) {
            objections.add("charge maximale atteinte (" + load + " production" + (load > 1 ? "s" : "") + " pour "
                    + juror.getMaxLoad() + " au plus)");
        }
        return objections;
    }

    /**
     * Why this juror may not sit on one jury for all these candidacies (the members of a group's sitting, or the
     * composantes of a VAE candidate's bloc): each objection once, followed by the members it concerns unless it
     * concerns them all (« formateur ou tuteur du candidat — Prénom Nom (n° 2027-302) »). For one candidacy, exactly
     * {@link #objections(JuryPolicy, Juror, Candidacy, long)}.
     */
    public static List<String> objections(JuryPolicy policy, Juror juror, List<Candidacy> candidacies, long load) {
        Map<String, Set<String>> concerned = new LinkedHashMap<>();
        Set<String> everyone = new LinkedHashSet<>();
        for (Candidacy candidacy : candidacies) {
            everyone.add(candidacy.label());
            for (String objection : objections(policy, juror, candidacy, load)) {
                concerned.computeIfAbsent(objection, key -> new LinkedHashSet<>()).add(candidacy.label());
            }
        }
        List<String> objections = new ArrayList<>();
        concerned.forEach((objection, members) -> objections.add(members.size() == everyone.size() ? objection
                : objection + " — " + String.join(", ", members)));
        return objections;
    }

    /** What this jury lacks, or has too much of, against the policy, in French; empty when it is what the policy asks. */
    public static List<String> shortfalls(JuryPolicy policy, List<Juror> jury) {
        List<String> shortfalls = new ArrayList<>();
        if (jury.size() != policy.jurors()) {
            shortfalls.add(count(jury.size(), "juré désigné", "jurés désignés") + ", le règlement en prévoit " + policy.jurors());
        }
        long externals = jury.stream().filter(Juror::isExternal).count();
        if (externals < policy.externalMinimum()) {
            shortfalls.add(count(externals, "professionnel extérieur", "professionnels extérieurs")
                    + " dans le jury, le règlement en demande au moins " + policy.externalMinimum());
        }
        long qualified = jury.stream().filter(JuryRules::languageQualified).count();
        if (qualified < policy.languageQualifiedMinimum()) {
            shortfalls.add(count(qualified, "juré qualifié", "jurés qualifiés")
                    + " en anglais, le règlement en demande au moins " + policy.languageQualifiedMinimum() + " pour cette composante");
        }
        return shortfalls;
    }

    /**
     * Every rule this jury breaks: each juror's objections (named), then the jury's shortfalls.
     *
     * @param loads productions already assigned to each juror of the campaign, by user id
     */
    public static List<String> breaches(JuryPolicy policy, List<Juror> jury, Candidacy candidacy, Map<String, Long> loads) {
        return breaches(policy, jury, List.of(candidacy), loads);
    }

    /**
     * Every rule one jury for all these candidacies (a sitting's members) breaks: each juror's objections, naming the
     * members they concern (see {@link #objections(JuryPolicy, Juror, List, long)}), then the jury's shortfalls.
     */
    public static List<String> breaches(JuryPolicy policy, List<Juror> jury, List<Candidacy> candidacies, Map<String, Long> loads) {
        List<String> breaches = new ArrayList<>();
        for (Juror juror : jury) {
            for (String objection : objections(policy, juror, candidacies, loads.getOrDefault(juror.getUserId(), 0L))) {
                // By name: the breaches are kept with the derogation and printed in the minutes and consolidated grid.
                breaches.add((juror.getDisplayName() == null || juror.getDisplayName().isBlank() ? juror.getUserId()
                        : juror.getDisplayName()) + " : " + objection);
            }
        }
        breaches.addAll(shortfalls(policy, jury));
        return breaches;
    }

    /** The policy as the rules a coordinator reads before designating a jury, in French markdown, citing its source. */
    public static String describe(JuryPolicy policy) {
        StringBuilder rules = new StringBuilder("**Composition du jury** selon le ").append(policy.source()).append(" :\n\n");
        rules.append("- ").append(count(policy.jurors(), "juré", "jurés")).append(" par production ;\n");
        if (policy.externalMinimum() > 0) {
            rules.append("- au moins ").append(count(policy.externalMinimum(), "professionnel extérieur", "professionnels extérieurs"))
                    .append(" à l'organisme de formation ;\n");
        }
        if (policy.languageQualifiedMinimum() > 0) {
            rules.append("- au moins ").append(count(policy.languageQualifiedMinimum(), "juré qualifié", "jurés qualifiés"))
                    .append(" en anglais, langue dans laquelle cette composante est évaluée ;\n");
        }
        if (!policy.presidentsEvaluate()) {
            rules.append("- les présidents de jury n'évaluent pas : ils harmonisent et délibèrent ;\n");
        }
        List<String> never = new ArrayList<>();
        if (policy.excludeTrainer()) {
            never.add("le formateur ou tuteur du candidat");
        }
        if (policy.excludeEmployer()) {
            never.add("un membre de son entreprise");
        }
        if (policy.excludeDeclaredConflicts()) {
            never.add("un juré qui a déclaré un conflit d'intérêts avec lui ou avec son entreprise");
        }
        if (!never.isEmpty()) {
            rules.append("- jamais ").append(String.join(", ni ", never)).append(" ;\n");
        }
        rules.append("- aucun juré au-delà de sa charge maximale.\n");
        return rules.toString();
    }

    private static String count(long n, String one, String many) {
        return n == 0 ? "aucun " + one : n + " " + (n == 1 ? one : many);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
