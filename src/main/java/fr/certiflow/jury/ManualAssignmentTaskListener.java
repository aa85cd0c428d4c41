package fr.certiflow.jury;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
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
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The jurors a coordinator chooses by hand when the rule found no eligible jury, for one production or for a sitting
 * (a group's members, a VAE candidate's composantes of a bloc: one jury for all of them). On create, the task shows the
 * rules that apply and the campaign's pool with each juror's objections for this candidate, or for each member. As the
 * form is submitted: a coordinator, jurors of the campaign's pool, and a jury that meets every rule for every member or
 * a written reason to set the rules it breaks aside. On completion, the jury is recorded for every production, and the
 * derogation with its reason, author and date on each of them (so each member's consolidated grid and the PV show it).
 */
@Component("manualAssignmentTaskListener")
public class ManualAssignmentTaskListener implements TaskListener, SubmissionCheck {

    /**
     * The pool's table, in parts: an engine string variable holds 4000 characters at most, and a campaign's pool may
     * need more. Each part is a table of its own; the form shows them one after the other.
     */
    public static final List<String> JURY_POOL_PARTS = List.of("juryPool", "juryPool2", "juryPool3", "juryPool4");
    static final int PART_BUDGET = 3900;
    /** Jurors named in one designation at most: a jury, not a pool. */
    static final int JURORS_MAXIMUM = 20;
    static final int REASON_MINIMUM = 15;
    static final int REASON_MAXIMUM = 4000;

    private static final Logger log = LoggerFactory.getLogger(ManualAssignmentTaskListener.class);

    private final JuryAssignmentService service;
    private final JuryDerogationRepository derogations;
    private final ProductionContexts contexts;
    private final Clock clock;

    ManualAssignmentTaskListener(JuryAssignmentService service, JuryDerogationRepository derogations,
            ProductionContexts contexts, Clock clock) {
        this.service = service;
        this.derogations = derogations;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.ASSIGN_JURY_MANUALLY);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    @Override
    public void check(DelegateTask task) {
        designation(task);
    }

    private void created(DelegateTask task) {
        JuryAssignmentService.Setting setting = service.setting(contexts.members(task));
        task.setVariableLocal(Variables.JURY_RULES, JuryRules.describe(setting.policy()) + sitting(setting)
                + "\nUn jury qui s'écarte d'une de ces règles n'est accepté qu'avec une dérogation motivée par écrit, "
                + "qui figure sur la grille consolidée et au procès-verbal.\n");
        List<String> parts = pool(setting);
        for (int i = 0; i < JURY_POOL_PARTS.size(); i++) {
            task.setVariableLocal(JURY_POOL_PARTS.get(i), i < parts.size() ? parts.get(i) : "");
        }
    }

    /** For a sitting of several candidates: one jury for them all, checked against each. */
    private static String sitting(JuryAssignmentService.Setting setting) {
        if (candidates(setting) < 2) {
            return "";
        }
        return "\nUn seul jury pour toute la séance : les mêmes jurés évaluent chaque membre ("
                + setting.candidacies().stream().map(JuryRules.Candidacy::label).distinct().collect(Collectors.joining(", "))
                + "), et chaque règle ci-dessus vaut pour chacun d'eux.\n";
    }

    private static long candidates(JuryAssignmentService.Setting setting) {
        return setting.candidacies().stream().map(JuryRules.Candidacy::candidateNumber).distinct().count();
    }

    /**
     * The campaign's jury pool as markdown tables of at most {@link #PART_BUDGET} characters each, one row per juror
     * (profile, load, objections for this candidate): the jurors without objection first, least loaded first. What
     * does not fit in {@link #JURY_POOL_PARTS} is counted at the end.
     */
    static List<String> pool(JuryAssignmentService.Setting setting) {
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
            boolean last = parts.size() == JURY_POOL_PARTS.size() - 1;
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

    private void completed(DelegateTask task) {
        Designation designation = designation(task);
        for (Production production : contexts.members(task)) {
            service.record(production, designation.jurors(), true);
            if (!designation.breaches().isEmpty()) {
                derogations.save(new JuryDerogation(production.getId(), designation.source(), designation.breaches(),
                        designation.reason(), designation.decidedBy(), clock.instant()));
                log.info("Jury of production {} designated by {} with a derogation: {}", production.getId(),
                        designation.decidedBy(), designation.breaches());
            }
        }
    }

    private record Designation(List<String> jurors, String source, List<String> breaches, String reason, String decidedBy) {
    }

    /** The designation the form submitted, from the task's own variables, once checked. */
    private Designation designation(DelegateTask task) {
        String decidedBy = TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur désigne un jury à la main.");
        Set<String> ids = new LinkedHashSet<>();
        if (task.getVariableLocal(Variables.JUROR_IDS) instanceof String text) {
            Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new ProcessException("Identifiants des jurés : indiquez au moins un juré (identifiants séparés par des virgules).");
        }
        if (ids.size() > JURORS_MAXIMUM) {
            throw new ProcessException("Identifiants des jurés : " + JURORS_MAXIMUM + " jurés au plus (" + ids.size() + " donnés).");
        }
        JuryAssignmentService.Setting setting = service.setting(contexts.members(task));
        Map<String, Juror> pool = setting.pool().stream().collect(Collectors.toMap(Juror::getUserId, Function.identity()));
        List<Juror> jury = new ArrayList<>();
        for (String id : ids) {
            Juror juror = pool.get(id);
            if (juror == null) {
                throw new ProcessException("Identifiants des jurés : « " + id + " » n'est pas un juré du jury de cette campagne.");
            }
            jury.add(juror);
        }
        List<String> breaches = JuryRules.breaches(setting.policy(), jury, setting.candidacies(), setting.loads());
        String reason = Optional.ofNullable(task.getVariableLocal(Variables.DEROGATION_REASON)).map(Object::toString)
                .map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        if (reason != null && reason.length() > REASON_MAXIMUM) {
            throw new ProcessException("Motif de la dérogation : il dépasse " + REASON_MAXIMUM + " caractères.");
        }
        if (!breaches.isEmpty() && (reason == null || reason.length() < REASON_MINIMUM)) {
            throw new ProcessException("Ce jury s'écarte du " + setting.policy().source() + " : " + String.join(" ; ", breaches)
                    + ". Désignez un jury conforme, ou justifiez la dérogation dans le champ « Motif de la dérogation » (au moins "
                    + REASON_MINIMUM + " caractères" + (reason == null ? "" : ", " + reason.length() + " donnés") + ").");
        }
        return new Designation(jury.stream().map(Juror::getUserId).toList(), setting.policy().source(), breaches,
                breaches.isEmpty() ? null : reason, decidedBy);
    }
}
