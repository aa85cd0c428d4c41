package fr.certiflow.campaign;

import fr.certiflow.jury.JurorRepository;
import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.web.InvalidRequestException;
import fr.certiflow.web.InvalidRequestException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Creates campaigns after checking every field against the référentiel; reports every problem at once. */
@Service
public class CampaignService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final JurorRepository jurors;
    private final ReferentialCatalog catalog;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, CandidateRepository candidates, JurorRepository jurors,
            ReferentialCatalog catalog, Clock clock) {
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
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Une campagne de code « " + request.code() + " » existe déjà.");
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
        if (request.opensAt() == null) {
            problems.add(new FieldProblem("opensAt", "obligatoire (début de la période de remise)"));
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
                }
            }
            deadlines.keySet().stream().filter(component -> !assessed.contains(component)).forEach(component ->
                    problems.add(new FieldProblem("submissionDeadlines." + component, "composante non évaluée par cette campagne")));
        }
        range(problems, "jurorsPerProduction", request.jurorsPerProduction(), 1, 5);
        range(problems, "resitAttempts", request.resitAttempts(), 0, 5);
        range(problems, "reminderDays", request.reminderDays(), 0, 90);
        range(problems, "resitPeriodDays", request.resitPeriodDays(), 1, 365);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Referential tree = referential.orElseThrow();
        Campaign campaign = new Campaign(request.code(), request.name().strip(), tree.code(), tree.version(),
                request.opensAt(), clock.instant());
        campaign.getBlocs().addAll(blocs);
        campaign.getSubmissionDeadlines().putAll(request.submissionDeadlines());
        campaign.setEvaluationDeadline(request.evaluationDeadline());
        campaign.setDeliberationDate(request.deliberationDate());
        Optional.ofNullable(request.jurorsPerProduction()).ifPresent(campaign::setJurorsPerProduction);
        Optional.ofNullable(request.resitAttempts()).ifPresent(campaign::setResitAttempts);
        Optional.ofNullable(request.reminderDays()).ifPresent(campaign::setReminderDays);
        Optional.ofNullable(request.resitPeriodDays()).ifPresent(campaign::setResitPeriodDays);
        return campaigns.save(campaign);
    }

    private static void range(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(new FieldProblem(field, "doit être compris entre " + min + " et " + max));
        }
    }

    public record CampaignView(Long id, String code, String name, String referentialCode, int referentialVersion,
            List<String> blocs, Instant opensAt, Map<String, Instant> submissionDeadlines, Instant evaluationDeadline,
            Instant deliberationDate, int jurorsPerProduction, int resitAttempts, int reminderDays, int resitPeriodDays,
            CampaignStatus status, Instant createdAt, Instant launchedAt, long candidates, long jurors) {
    }

    @Transactional(readOnly = true)
    public CampaignView view(Campaign campaign) {
        return new CampaignView(campaign.getId(), campaign.getCode(), campaign.getName(), campaign.getReferentialCode(),
                campaign.getReferentialVersion(), List.copyOf(campaign.getBlocs()), campaign.getOpensAt(),
                Map.copyOf(campaign.getSubmissionDeadlines()), campaign.getEvaluationDeadline(),
                campaign.getDeliberationDate(), campaign.getJurorsPerProduction(), campaign.getResitAttempts(),
                campaign.getReminderDays(), campaign.getResitPeriodDays(), campaign.getStatus(), campaign.getCreatedAt(),
                campaign.getLaunchedAt(), candidates.countByCampaignId(campaign.getId()),
                jurors.countByCampaignId(campaign.getId()));
    }
}
