package fr.certiflow.console;

import fr.certiflow.errors.DomainException;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignImports;
import fr.certiflow.campaign.CampaignLauncher;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignRequest;
import fr.certiflow.campaign.CampaignService;
import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.identity.CurrentUsers;
import fr.certiflow.jury.JuryPoolUploads;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.tabular.ImportRefusedException;
import fr.certiflow.web.InvalidRequestException;
import fr.certiflow.progress.ProductionListing;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's console: campaigns, a campaign's imports, launch and documents, in French, server-rendered. Each
 * action calls the same services as the API, so it is checked the same way; who may open or post what is
 * {@code fr.certiflow.identity.ConsoleSecurity}'s.
 */
@Controller
class ConsoleController {

    /** Dates are typed and shown in Paris time. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);

    private final CampaignRepository campaigns;
    private final CampaignService service;
    private final CampaignImports imports;
    private final JuryPoolUploads juryUploads;
    private final CampaignLauncher launcher;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final CurrentUsers users;
    private final TaskService tasks;
    private final ProductionListing listing;
    private final fr.certiflow.referential.ReferentialCatalog referentialCatalog;
    private final fr.certiflow.regulation.RegulationCatalog regulationCatalog;

    ConsoleController(CampaignRepository campaigns, CampaignService service, CampaignImports imports, JuryPoolUploads juryUploads,
            CampaignLauncher launcher, CandidateRepository candidates, CampaignReferentials referentials, CurrentUsers users, TaskService tasks, ProductionListing listing,
            fr.certiflow.referential.ReferentialCatalog referentialCatalog, fr.certiflow.regulation.RegulationCatalog regulationCatalog) {
        this.referentialCatalog = referentialCatalog;
        this.regulationCatalog = regulationCatalog;
        this.listing = listing;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.service = service;
        this.imports = imports;
        this.juryUploads = juryUploads;
        this.launcher = launcher;
        this.candidates = candidates;
        this.referentials = referentials;
        this.users = users;
    }

    @GetMapping({"/certiflow", "/certiflow/"})
    String home() {
        return "redirect:/certiflow/campagnes";
    }

    @GetMapping("/certiflow/campagnes")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.findAll().stream().map(service::view)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList());
        return "console/campaigns";
    }

    /** What the creation form holds, as typed: dates in Paris time (yyyy-MM-ddTHH:mm), blocs separated by commas. */
    record CampaignForm(String code, String name, String blocs, String opensAt, Map<String, String> deadlines,
            String evaluationDeadline, String deliberationDate, String referentialVersion, String regulationVersion,
            String individualWorkAllowed) {
    }

    /** The référentiel the form creates campaigns of (the only one published; its code is the catalog's first). */
    static final String REFERENTIAL = "MMDC";

    /** A version the form offers: its value, as the select sends it, and its label. */
    record VersionChoice(String value, String label) {
    }

    /**
     * The published versions of the référentiel and of its règlements, newest first; the form's first option (empty)
     * stands for the latest, which the API takes when none is given.
     */
    private void versions(Model model) {
        model.addAttribute("referentialVersions", referentialCatalog.list().stream()
                .filter(summary -> summary.code().equals(REFERENTIAL))
                .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                .map(summary -> new VersionChoice(String.valueOf(summary.version()), "version " + summary.version()
                        + " — " + summary.title()))
                .toList());
        model.addAttribute("regulationVersions", regulationCatalog.list().stream()
                .filter(regulation -> regulation.referential().code().equals(REFERENTIAL))
                .sorted((a, b) -> a.referential().version() != b.referential().version()
                        ? Integer.compare(b.referential().version(), a.referential().version())
                        : Integer.compare(b.version(), a.version()))
                .map(regulation -> new VersionChoice(String.valueOf(regulation.version()), "version " + regulation.version()
                        + " (référentiel v" + regulation.referential().version() + ") — " + regulation.title()))
                .toList());
    }

    /** A version typed in the form: empty for the latest; not a number is a problem beside its field. */
    private static Integer version(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "version « " + typed + " » invalide : un nombre entier est attendu");
            return null;
        }
    }

    @GetMapping("/certiflow/campagnes/nouvelle")
    String newCampaign(Model model) {
        Referential referential = referentials.latest(REFERENTIAL).orElseThrow();
        Map<String, String> deadlines = new LinkedHashMap<>();
        referential.components().forEach(component -> deadlines.put(component.code(), ""));
        model.addAttribute("form", new CampaignForm("", "", "", "", deadlines, "", "", "", "", ""));
        model.addAttribute("referential", referential);
        model.addAttribute("collectiveComponents", referential.components()
                .filter(component -> component.assessment().collective()).map(component -> component.code()).toList());
        model.addAttribute("errors", Map.of());
        versions(model);
        return "console/campaign-new";
    }

    /** Codes typed in one field, separated by commas, semicolons or spaces; null when none. */
    private static List<String> codes(String typed) {
        List<String> codes = List.of(typed.split("[,; ]+")).stream().filter(code -> !code.isBlank()).toList();
        return codes.isEmpty() ? null : codes;
    }

    @PostMapping("/certiflow/campagnes")
    String create(@RequestParam Map<String, String> fields, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer referentialVersion = version(fields.get("referentialVersion"), "referentialVersion", errors);
        Integer regulationVersion = version(fields.get("regulationVersion"), "regulationVersion", errors);
        // The deadlines asked for are those of the version chosen (the latest when none is, or when it is unknown:
        // the API then says so beside the field).
        Referential referential = (referentialVersion == null ? Optional.<Referential>empty()
                : referentialCatalog.find(REFERENTIAL, referentialVersion))
                .or(() -> referentials.latest(REFERENTIAL)).orElseThrow();
        Map<String, String> deadlines = new LinkedHashMap<>();
        Map<String, Instant> deadlineInstants = new LinkedHashMap<>();
        referential.components().forEach(component -> {
            String typed = fields.getOrDefault("deadline." + component.code(), "");
            deadlines.put(component.code(), typed);
            Instant at = date(typed, "submissionDeadlines." + component.code(), errors);
            if (at != null) {
                deadlineInstants.put(component.code(), at);
            }
        });
        CampaignForm form = new CampaignForm(fields.getOrDefault("code", "").strip(), fields.getOrDefault("name", ""),
                fields.getOrDefault("blocs", ""), fields.getOrDefault("opensAt", ""), deadlines,
                fields.getOrDefault("evaluationDeadline", ""), fields.getOrDefault("deliberationDate", ""),
                fields.getOrDefault("referentialVersion", ""), fields.getOrDefault("regulationVersion", ""),
                fields.getOrDefault("individualWorkAllowed", ""));
        Instant opensAt = date(form.opensAt(), "opensAt", errors);
        Instant evaluation = date(form.evaluationDeadline(), "evaluationDeadline", errors);
        Instant deliberation = date(form.deliberationDate(), "deliberationDate", errors);
        List<String> blocs = form.blocs().isBlank() ? null
                : List.of(form.blocs().split("[,; ]+")).stream().filter(code -> !code.isBlank()).toList();
        // Only the components of the blocs asked for carry a deadline, as the API expects.
        if (blocs != null) {
            deadlineInstants.keySet().retainAll(referential.blocs().stream().filter(bloc -> blocs.contains(bloc.code()))
                    .flatMap(bloc -> bloc.components().stream()).map(c -> c.code()).toList());
        }
        if (errors.isEmpty()) {
            try {
                Campaign campaign = service.create(new CampaignRequest(form.code(), form.name(), REFERENTIAL, referentialVersion,
                        blocs, opensAt, deadlineInstants, evaluation, deliberation, null, null, null, null, regulationVersion,
                        codes(form.individualWorkAllowed())));
                return "redirect:/certiflow/campagnes/" + campaign.getCode();
            } catch (InvalidRequestException e) {
                // The référentiel's code is not typed here: what the API says of it concerns the version chosen.
                e.problems().forEach(problem -> errors.merge(problem.field().equals("referentialCode") ? "referentialVersion"
                        : problem.field(), problem.message(), (a, b) -> a + " ; " + b));
            } catch (DomainException e) {
                errors.put("code", e.getMessage());
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("referential", referential);
        model.addAttribute("collectiveComponents", referential.components()
                .filter(component -> component.assessment().collective()).map(component -> component.code()).toList());
        model.addAttribute("errors", errors);
        versions(model);
        return "console/campaign-new";
    }

    private static Instant date(String typed, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(PARIS).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "date invalide « " + typed + " » : jj/mm/aaaa hh:mm attendu");
            return null;
        }
    }

    /** The campaign's page, its table of candidates × composantes filtered and paged as asked. */
    @GetMapping("/certiflow/campagnes/{code}")
    String campaign(@PathVariable String code, @RequestParam(required = false) String bloc,
            @RequestParam(required = false) String composante, @RequestParam(required = false) String etat,
            @RequestParam(required = false) String candidat, @RequestParam(required = false) String groupe,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Campaign campaign = campaigns.resolve(code);
        Referential referential = referentials.of(campaign);
        List<Bloc> blocs = referential.blocs().stream().filter(b -> campaign.getBlocs().contains(b.code())).toList();
        GridFilter filter = new GridFilter(blank(bloc), blank(composante), blank(etat), blank(candidat), blank(groupe));
        List<String> columns = blocs.stream().filter(b -> filter.bloc() == null || b.code().equals(filter.bloc()))
                .flatMap(b -> b.components().stream()).map(c -> c.code())
                .filter(c -> filter.composante() == null || c.equals(filter.composante())).toList();
        List<String> refused = new ArrayList<>();
        if (filter.bloc() != null && blocs.stream().noneMatch(b -> b.code().equals(filter.bloc()))) {
            refused.add("bloc « " + filter.bloc() + " » absent de la campagne");
        }
        if (filter.composante() != null && blocs.stream().flatMap(b -> b.components().stream())
                .noneMatch(c -> c.code().equals(filter.composante()))) {
            refused.add("composante « " + filter.composante() + " » absente de la campagne");
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(refused.stream().map(problem -> new InvalidRequestException.FieldProblem(
                    problem.startsWith("bloc") ? "bloc" : "composante", problem)).toList());
        }
        model.addAttribute("blocs", blocs);
        Map<String, String> blocOfComponent = new LinkedHashMap<>();
        blocs.forEach(b -> b.components().forEach(c -> blocOfComponent.put(c.code(), b.code())));
        model.addAttribute("blocOfComponent", blocOfComponent);
        model.addAttribute("gridFilter", filter);
        model.addAttribute("stateNames", ProductionStates.byName(ProductionStates.LABELS));
        model.addAttribute("stateMarks", ProductionStates.byName(ProductionStates.MARKS));
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            model.addAttribute("grid", listing.grid(campaign, columns, new ProductionListing.GridFilter(filter.bloc(),
                    filter.composante(), filter.etat(), filter.candidat(), filter.groupe(), Math.max(page, 0), GRID_PAGE_SIZE)));
        }
        return campaignPage(campaign, model);
    }

    /** Candidates shown on a page of the campaign's table. */
    static final int GRID_PAGE_SIZE = 50;

    /** The table's filters as typed (French parameter names, as in the page's address). */
    record GridFilter(String bloc, String composante, String etat, String candidat, String groupe) {
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    String campaign(String code, Model model) {
        return campaign(code, null, null, null, null, null, 0, model);
    }

    private String campaignPage(Campaign campaign, Model model) {
        model.addAttribute("campaign", service.view(campaign));
        model.addAttribute("launchable", campaign.getStatus() == CampaignStatus.DRAFT);
        // A campaign started from Tasklist's start form waits at « Importer la cohorte et le jury »: it launches there.
        model.addAttribute("prepareTask", tasks.createTaskQuery().taskDefinitionKey(ActivityIds.PREPARE_COHORT)
                .processInstanceBusinessKey(campaign.getCode()).list().stream().findFirst()
                .map(task -> listing.tasklistHref(task.getId())).orElse(null));
        return "console/campaign";
    }

    @PostMapping("/certiflow/campagnes/{code}/cohorte")
    String importCohort(@PathVariable String code, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        Campaign campaign = campaigns.resolve(code);
        try {
            model.addAttribute("cohortResult", imports.cohort(campaign.getId(), file));
        } catch (ImportRefusedException e) {
            model.addAttribute("cohortProblems", e.problems());
            model.addAttribute("cohortRefused", e.getMessage());
        }
        return campaign(code, model);
    }

    @PostMapping("/certiflow/campagnes/{code}/jury")
    String importJury(@PathVariable String code, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        Campaign campaign = campaigns.resolve(code);
        try {
            model.addAttribute("juryResult", juryUploads.upload(campaign.getId(), file, users.require().id()));
        } catch (ImportRefusedException e) {
            model.addAttribute("juryProblems", e.problems());
            model.addAttribute("juryRefused", e.getMessage());
        }
        return campaign(code, model);
    }

    /** What a launch starts: one bloc assessment per candidate and bloc not acquired earlier, a production per composante. */
    record LaunchPlan(long candidates, List<String> blocs, long blocAssessments, long productions) {
    }

    LaunchPlan plan(Campaign campaign) {
        Referential referential = referentials.of(campaign);
        Regulation.BlocRule rule = referentials.regulation(campaign).bloc();
        List<Candidate> cohort = candidates.findByCampaignIdOrderByNumber(campaign.getId());
        long blocs = 0;
        long productions = 0;
        for (Candidate candidate : cohort) {
            for (String code : campaign.getBlocs()) {
                if (campaign.assesses(candidate, code, rule)) {
                    blocs++;
                    productions += referential.bloc(code).map(Bloc::components).map(List::size).orElse(0);
                }
            }
        }
        return new LaunchPlan(cohort.size(), new ArrayList<>(campaign.getBlocs()), blocs, productions);
    }

    @GetMapping("/certiflow/campagnes/{code}/lancement")
    String confirmLaunch(@PathVariable String code, Model model) {
        Campaign campaign = campaigns.resolve(code);
        model.addAttribute("campaign", service.view(campaign));
        model.addAttribute("plan", plan(campaign));
        return "console/launch";
    }

    @PostMapping("/certiflow/campagnes/{code}/lancement")
    String launch(@PathVariable String code, RedirectAttributes redirect, Model model) {
        Campaign campaign = campaigns.resolve(code);
        try {
            launcher.launch(campaign.getId());
        } catch (DomainException e) {
            model.addAttribute("launchRefused", e.getMessage());
            return campaign(code, model);
        }
        redirect.addFlashAttribute("message", "Campagne lancée : les évaluations s'ouvrent en arrière-plan.");
        return "redirect:/certiflow/campagnes/" + campaign.getCode() + "/avancement";
    }
}
