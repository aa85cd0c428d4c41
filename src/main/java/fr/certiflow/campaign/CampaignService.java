package fr.certiflow.campaign;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import fr.certiflow.web.InvalidRequestException;
import fr.certiflow.web.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates campaigns after checking every field against the référentiel; reports every problem at once. */
@Service
public class CampaignService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH).withZone(PARIS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH).withZone(PARIS);
    private static final String PAST = "doit être dans le futur";

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final JuryPool jurors;
    private final ReferentialCatalog catalog;
    private final RegulationCatalog regulations;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CandidateRepository candidates, JuryPool jurors,
            ReferentialCatalog catalog, RegulationCatalog regulations, Clock clock) {
        this.regulations = regulations;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.jurors = jurors;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(CampaignRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.code() == null || !CODE.matcher(request.code()).matches()) {
            problems.add(new FieldProblem("code", "obligatoire : lettres, chiffres, « - » ou « _ », 64 caractères au plus"));
        } else if (campaigns.findByCode(request.code()).isPresent()) {
            throw new ConflictException("Une campagne de code « " + request.code() + " » existe déjà.");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 300) {
            problems.add(new FieldProblem("name", "obligatoire, 300 caractères au plus"));
        }
        Optional<Referential> referential = Optional.empty();
        if (request.referentialCode() == null) {
            problems.add(new FieldProblem("referentialCode", "obligatoire"));
        } else {
            referential = request.referentialVersion() == null ? catalog.latest(request.referentialCode())
                    : catalog.find(request.referentialCode(), request.referentialVersion());
            if (referential.isEmpty()) {
                problems.add(new FieldProblem("referentialCode", "aucun référentiel « " + request.referentialCode() + " »"
                        + (request.referentialVersion() == null ? "" : " en version " + request.referentialVersion())));
            }
        }
        Instant now = clock.instant();
        Instant today = now.atZone(PARIS).toLocalDate().atStartOfDay(PARIS).toInstant();
        if (request.opensAt() == null) {
            problems.add(new FieldProblem("opensAt", "obligatoire (début de la période de remise)"));
        } else if (request.opensAt().isBefore(today)) {
            problems.add(new FieldProblem("opensAt", "ne peut pas précéder aujourd'hui (" + DAY.format(today) + ")"));
        }
        List<String> blocs = List.of();
        if (referential.isPresent()) {
            Referential tree = referential.get();
            blocs = request.blocs() == null || request.blocs().isEmpty()
                    ? tree.blocs().stream().map(Bloc::code).toList() : request.blocs();
            for (String bloc : blocs) {
                if (tree.bloc(bloc).isEmpty()) {
                    problems.add(new FieldProblem("blocs", "bloc « " + bloc + " » inconnu du référentiel"));
                }
            }
            Map<String, Instant> deadlines = request.submissionDeadlines() == null ? Map.of() : request.submissionDeadlines();
            List<String> assessed = blocs.stream().map(tree::bloc).flatMap(Optional::stream)
                    .flatMap(bloc -> bloc.components().stream()).map(Component::code).toList();
            for (String component : assessed) {
                Instant deadline = deadlines.get(component);
                if (deadline == null) {
                    problems.add(new FieldProblem("submissionDeadlines." + component, "date limite de remise obligatoire"));
                } else if (request.opensAt() != null && !deadline.isAfter(request.opensAt())) {
                    problems.add(new FieldProblem("submissionDeadlines." + component, "doit suivre le début de la période de remise"));
                } else if (!deadline.isAfter(now)) {
                    problems.add(new FieldProblem("submissionDeadlines." + component, PAST + " (" + DATE.format(deadline) + ")"));
                }
            }
            deadlines.keySet().stream().filter(component -> !assessed.contains(component)).forEach(component ->
                    problems.add(new FieldProblem("submissionDeadlines." + component, "composante non évaluée par cette campagne")));
        }
        Optional<Instant> lastDeadline = request.submissionDeadlines() == null ? Optional.empty()
                : request.submissionDeadlines().values().stream().filter(Objects::nonNull).max(Instant::compareTo);
        Optional<Instant> evaluation = Optional.ofNullable(request.evaluationDeadline());
        after(problems, "evaluationDeadline", request.evaluationDeadline(), now, request.opensAt(), lastDeadline);
        after(problems, "deliberationDate", request.deliberationDate(), now, request.opensAt(), lastDeadline, evaluation);
        Optional<Regulation> regulation = referential.flatMap(tree -> request.regulationVersion() == null
                ? regulations.latest(tree.code(), tree.version())
                : regulations.find(tree.code(), tree.version(), request.regulationVersion()));
        if (referential.isPresent() && regulation.isEmpty()) {
            problems.add(new FieldProblem("regulationVersion", "aucun règlement de certification publié pour le référentiel "
                    + referential.get().code() + " v" + referential.get().version()
                    + (request.regulationVersion() == null ? "" : " en version " + request.regulationVersion())));
        }
        String source = regulation.map(Regulation::title).orElse("règlement de certification");
        fixedByRegulation(problems, "jurorsPerProduction", request.jurorsPerProduction(), source);
        fixedByRegulation(problems, "resitAttempts", request.resitAttempts(), source);
        fixedByRegulation(problems, "resitPeriodDays", request.resitPeriodDays(), source);
        range(problems, "reminderDays", request.reminderDays(), 0, 90);
        List<String> individualWork = individualWork(problems, request.individualWorkAllowed(), referential, blocs);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Referential tree = referential.orElseThrow();
        Regulation rules = regulation.orElseThrow();
        Campaign campaign = new Campaign(request.code(), request.name().strip(), tree.code(), tree.version(),
                request.opensAt(), clock.instant());
        campaign.runUnder(rules);
        campaign.getBlocs().addAll(blocs);
        campaign.getSubmissionDeadlines().putAll(request.submissionDeadlines());
        campaign.setEvaluationDeadline(request.evaluationDeadline());
        campaign.setDeliberationDate(request.deliberationDate());
        Optional.ofNullable(request.reminderDays()).ifPresent(campaign::setReminderDays);
        campaign.allowIndividualWork(individualWork);
        return campaigns.save(campaign);
    }

    /**
     * The collective composantes the campaign allows as individual work: each one a composante of the campaign's blocs
     * that the référentiel assesses as « Travail collectif »; kept in the référentiel's order.
     */
    private static List<String> individualWork(List<FieldProblem> problems, List<String> requested,
            Optional<Referential> referential, List<String> blocs) {
        if (requested == null || requested.isEmpty() || referential.isEmpty()) {
            return List.of();
        }
        Referential tree = referential.get();
        List<Component> collective = blocs.stream().map(tree::bloc).flatMap(Optional::stream)
                .flatMap(bloc -> bloc.components().stream()).filter(component -> component.assessment().collective()).toList();
        java.util.Set<String> codes = collective.stream().map(Component::code).collect(java.util.stream.Collectors.toSet());
        for (String code : requested) {
            if (code == null || !codes.contains(code)) {
                problems.add(new FieldProblem("individualWorkAllowed", "« " + code + " » n'est pas une composante évaluée en "
                        + "travail collectif dans les blocs de la campagne (composantes collectives : "
                        + (codes.isEmpty() ? "aucune" : collective.stream().map(Component::code)
                                .collect(java.util.stream.Collectors.joining(", "))) + ")"));
            }
        }
        return collective.stream().map(Component::code).filter(requested::contains).toList();
    }

    /**
     * A date of the campaign's calendar, when given: in the future, after the opening and after every earlier step
     * (the last submission deadline, then the evaluation deadline); one problem, naming the first step it does not
     * follow.
     */
    private static void after(List<FieldProblem> problems, String field, Instant date, Instant now, Instant opensAt,
            Optional<Instant> lastDeadline, Optional<Instant> evaluation) {
        if (date == null) {
            return;
        }
        if (!date.isAfter(now)) {
            problems.add(new FieldProblem(field, PAST + " (" + DATE.format(date) + ")"));
        } else if (evaluation.isPresent() && !date.isAfter(evaluation.get())) {
            problems.add(new FieldProblem(field, "doit suivre la date limite d'évaluation (" + DATE.format(evaluation.get()) + ")"));
        } else if (lastDeadline.isPresent() && !date.isAfter(lastDeadline.get())) {
            problems.add(new FieldProblem(field, "doit suivre la dernière date limite de remise (" + DATE.format(lastDeadline.get()) + ")"));
        } else if (opensAt != null && !date.isAfter(opensAt)) {
            problems.add(new FieldProblem(field, "doit suivre le début de la période de remise (" + DATE.format(opensAt) + ")"));
        }
    }

    private static void after(List<FieldProblem> problems, String field, Instant date, Instant now, Instant opensAt,
            Optional<Instant> lastDeadline) {
        after(problems, field, date, now, opensAt, lastDeadline, Optional.empty());
    }

    private static void fixedByRegulation(List<FieldProblem> problems, String field, Integer value, String rules) {
        if (value != null) {
            problems.add(new FieldProblem(field, "fixé par le " + rules + " : ne se choisit pas par campagne"));
        }
    }

    private static void range(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(new FieldProblem(field, "doit être compris entre " + min + " et " + max));
        }
    }

    public record CampaignView(Long id, String code, String name, String referentialCode, int referentialVersion,
            int regulationVersion, String regulationTitle, List<String> blocs, Instant opensAt, Map<String, Instant> submissionDeadlines, Instant evaluationDeadline,
            Instant deliberationDate, int jurorsPerProduction, int resitAttempts, int reminderDays, int resitPeriodDays,
            CampaignStatus status, Instant createdAt, Instant launchedAt, long candidates, long jurors,
            List<String> individualWorkAllowed) {
    }

    @Transactional(readOnly = true)
    public CampaignView view(Campaign campaign) {
        return new CampaignView(campaign.getId(), campaign.getCode(), campaign.getName(), campaign.getReferentialCode(),
                campaign.getReferentialVersion(), campaign.getRegulationVersion(),
                regulations.find(campaign.getReferentialCode(), campaign.getReferentialVersion(),
                        campaign.getRegulationVersion()).map(Regulation::title).orElse(null),
                List.copyOf(campaign.getBlocs()), campaign.getOpensAt(),
                Map.copyOf(campaign.getSubmissionDeadlines()), campaign.getEvaluationDeadline(),
                campaign.getDeliberationDate(), campaign.getJurorsPerProduction(), campaign.getResitAttempts(),
                campaign.getReminderDays(), campaign.getResitPeriodDays(), campaign.getStatus(), campaign.getCreatedAt(),
                campaign.getLaunchedAt(), candidates.countByCampaignId(campaign.getId()),
                jurors.jurorCount(campaign.getId()), campaign.getIndividualWorkAllowed());
    }
}
