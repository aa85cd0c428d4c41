package fr.certiflow.jury;

import fr.certiflow.errors.RefusedException;
import fr.certiflow.production.Production;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The jurors a coordinator chooses by hand when the rule found no eligible jury, for one production or for a sitting
 * (a group's members, a VAE candidate's composantes of a bloc: one jury for all of them). What the coordinator is
 * shown: the rules that apply and the campaign's pool with each juror's objections for this candidate, or for each
 * member. What a designation must be: jurors of the campaign's pool, and a jury that meets every rule for every member
 * or a written reason to set the rules it breaks aside. Once designated, the jury is recorded for every production,
 * and the derogation with its reason, author and date on each of them (so each member's consolidated grid and the PV
 * show it). Engine-free: {@link ManualAssignmentTaskListener} is its glue.
 */
@Service
public class ManualDesignations {

    /**
     * The pool's table comes in parts: an engine string variable holds 4000 characters at most, and a campaign's pool
     * may need more. Each part is a table of its own; the form shows them one after the other.
     */
    static final int POOL_PARTS = 4;
    static final int PART_BUDGET = 3900;
    /** Jurors named in one designation at most: a jury, not a pool. */
    static final int JURORS_MAXIMUM = 20;
    static final int REASON_MINIMUM = 15;
    static final int REASON_MAXIMUM = 4000;

    private static final Logger log = LoggerFactory.getLogger(ManualDesignations.class);

    private final JuryAssignments assignments;
    private final JuryDerogationRepository derogations;
    private final Clock clock;

    ManualDesignations(JuryAssignments assignments, JuryDerogationRepository derogations, Clock clock) {
        this.assignments = assignments;
        this.derogations = derogations;
        this.clock = clock;
    }

    /**
     * What the coordinator's task shows.
     *
     * @param rules the rules that apply, as markdown
     * @param pool the campaign's pool as {@link #POOL_PARTS} markdown tables, the unused ones empty
     */
    public record Prompt(String rules, List<String> pool) {

        public Prompt {
            pool = List.copyOf(pool);
        }
    }

    /**
     * What the coordinator submitted.
     *
     * @param jurorIds the jurors' user ids, separated by commas, semicolons or spaces (null when none was sent)
     * @param reason the derogation's written reason, or null
     * @param decidedBy who designates the jury
     */
    public record Submission(String jurorIds, String reason, String decidedBy) {
    }

    /**
     * A designation once checked.
     *
     * @param source the rules' source (the règlement) the breaches refer to
     * @param breaches the rules the jury breaks, empty when it meets them all
     * @param reason the derogation's reason when it breaks some, null otherwise
     */
    public record Designation(List<String> jurors, String source, List<String> breaches, String reason, String decidedBy) {
    }

    /** The rules and the pool shown for the productions (one, or a sitting's members). */
    public Prompt prompt(List<Production> productions) {
        JuryAssignments.Setting setting = assignments.setting(productions);
        String rules = JuryRules.describe(setting.policy()) + sitting(setting)
                + "\nUn jury qui s'écarte d'une de ces règles n'est accepté qu'avec une dérogation motivée par écrit, "
                + "qui figure sur la grille consolidée et au procès-verbal.\n";
        List<String> parts = new ArrayList<>(pool(setting));
        while (parts.size() < POOL_PARTS) {
            parts.add("");
        }
        return new Prompt(rules, parts);
    }

    /**
     * Checks what the coordinator submitted for the productions.
     *
     * @throws RefusedException naming the field to correct, in French
     */
    public Designation check(List<Production> productions, Submission submission) {
        Set<String> ids = new LinkedHashSet<>();
        if (submission.jurorIds() != null) {
            Arrays.stream(submission.jurorIds().split("[,;\\s]+")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new RefusedException("Identifiants des jurés : indiquez au moins un juré (identifiants séparés par des virgules).");
        }
        if (ids.size() > JURORS_MAXIMUM) {
            throw new RefusedException("Identifiants des jurés : " + JURORS_MAXIMUM + " jurés au plus (" + ids.size() + " donnés).");
        }
        JuryAssignments.Setting setting = assignments.setting(productions);
        Map<String, Juror> pool = setting.pool().stream().collect(Collectors.toMap(Juror::getUserId, Function.identity()));
        List<Juror> jury = new ArrayList<>();
        for (String id : ids) {
            Juror juror = pool.get(id);
            if (juror == null) {
                throw new RefusedException("Identifiants des jurés : « " + id + " » n'est pas un juré du jury de cette campagne.");
            }
            jury.add(juror);
        }
        List<String> breaches = JuryRules.breaches(setting.policy(), jury, setting.candidacies(), setting.loads());
        String reason = Optional.ofNullable(submission.reason()).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        if (reason != null && reason.length() > REASON_MAXIMUM) {
            throw new RefusedException("Motif de la dérogation : il dépasse " + REASON_MAXIMUM + " caractères.");
        }
        if (!breaches.isEmpty() && (reason == null || reason.length() < REASON_MINIMUM)) {
            throw new RefusedException("Ce jury s'écarte du " + setting.policy().source() + " : " + String.join(" ; ", breaches)
                    + ". Désignez un jury conforme, ou justifiez la dérogation dans le champ « Motif de la dérogation » (au moins "
                    + REASON_MINIMUM + " caractères" + (reason == null ? "" : ", " + reason.length() + " donnés") + ").");
        }
        return new Designation(jury.stream().map(Juror::getUserId).toList(), setting.policy().source(), breaches,
                breaches.isEmpty() ? null : reason, submission.decidedBy());
    }

    /**
     * Checks the submission ({@link #check}) and records its jury for every production, with the derogation on each
     * when the jury breaks a rule.
     */
    public Designation designate(List<Production> productions, Submission submission) {
        Designation designation = check(productions, submission);
        for (Production production : productions) {
            assignments.record(production, designation.jurors(), true);
            if (!designation.breaches().isEmpty()) {
                derogations.save(new JuryDerogation(production.getId(), designation.source(), designation.breaches(),
                        designation.reason(), designation.decidedBy(), clock.instant()));
                log.info("Jury of production {} designated by {} with a derogation: {}", production.getId(),
                        designation.decidedBy(), designation.breaches());
            }
        }
        return designation;
    }

    /** For a sitting of several candidates: one jury for them all, checked against each. */
    private static String sitting(JuryAssignments.Setting setting) {
        if (candidates(setting) < 2) {
            return "";
        }
        return "\nUn seul jury pour toute la séance : les mêmes jurés évaluent chaque membre ("
                + setting.candidacies().stream().map(JuryRules.Candidacy::label).distinct().collect(Collectors.joining(", "))
                + "), et chaque règle ci-dessus vaut pour chacun d'eux.\n";
    }

    private static long candidates(JuryAssignments.Setting setting) {
        return setting.candidacies().stream().map(JuryRules.Candidacy::candidateNumber).distinct().count();
    }

    /**
     * The campaign's jury pool as markdown tables of at most {@link #PART_BUDGET} characters each, one row per juror
     * (profile, load, objections for this candidate): the jurors without objection first, least loaded first. What
     * does not fit in {@link #POOL_PARTS} tables is counted at the end.
     */
    static List<String> pool(JuryAssignments.Setting setting) {
        String header = "| Juré | Identifiant | Profil | Charge | Objections pour "
                + (candidates(setting) > 1 ? "les membres" : "ce candidat") + " |\n|---|---|---|---|---|\n";
        if (setting.pool().isEmpty()) {
            return List.of(header + "| aucun juré dans le jury de cette campagne | | | | |\n");
        }
        record Row(Juror juror, long load, List<String> objections) {
        }
        List<Row> rows = setting.pool().stream()
                .map(juror -> {
                    long load = setting.loads().getOrDefault(juror.getUserId(), 0L);
                    return new Row(juror, load, JuryRules.objections(setting.policy(), juror, setting.candidacies(), load));
                })
                .sorted(Comparator.comparing((Row row) -> !row.objections().isEmpty()).thenComparingLong(Row::load)
                        .thenComparing(row -> row.juror().getUserId()))
                .toList();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder(header);
        String overflow = "\n*… et %d autre%s de la campagne, non affiché%s.*\n";
        for (int i = 0; i < rows.size(); i++) {
            String line = line(rows.get(i).juror(), rows.get(i).load(), rows.get(i).objections());
            boolean last = parts.size() == POOL_PARTS - 1;
            if (part.length() + line.length() + (last ? overflow.length() + 10 : 0) > PART_BUDGET) {
                if (last) {
                    int left = rows.size() - i;
                    part.append(String.format(overflow, left, left > 1 ? "s jurés" : " juré", left > 1 ? "s" : ""));
                    break;
                }
                parts.add(part.toString());
                part = new StringBuilder(header);
            }
            part.append(line);
        }
        parts.add(part.toString());
        return parts;
    }

    private static String line(Juror juror, long load, List<String> objections) {
        List<String> profile = new ArrayList<>();
        profile.add(juror.isExternal() ? "professionnel extérieur" : "interne");
        if (JuryRules.languageQualified(juror)) {
            profile.add("qualifié en anglais");
        }
        if (juror.isPresident()) {
            profile.add("président de jury");
        }
        if (juror.getOrganisation() != null && !juror.getOrganisation().isBlank()) {
            profile.add(juror.getOrganisation());
        }
        return "| " + cell(juror.getDisplayName()) + " | " + cell(juror.getUserId()) + " | " + cell(String.join(", ", profile))
                + " | " + load + " / " + juror.getMaxLoad() + " | "
                + (objections.isEmpty() ? "aucune" : "**" + cell(String.join(" ; ", objections)) + "**") + " |\n";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "/").replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
    }
}
