package fr.certiflow.progress;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.process.Variables;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionFile;
import fr.certiflow.production.ProductionFileRepository;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.production.Submission;
import fr.certiflow.production.SubmissionRepository;
import fr.certiflow.web.InvalidRequestException;
import fr.certiflow.web.InvalidRequestException.FieldProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's productions, a page at a time, filtered by composante, state and candidate: what a coordinator needs to
 * act on each (its id, its files, its deadline, the user task open on it).
 */
@Service
public class ProductionListing {

    /** The largest page asked for; the default one. */
    public static final int MAX_PAGE_SIZE = 200;
    public static final int DEFAULT_PAGE_SIZE = 50;

    private final EntityManager entities;
    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final SubmissionRepository submissions;
    private final ProductionFileRepository files;
    private final GroupSittingRepository sittings;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final String engineName;

    ProductionListing(EntityManager entities, CampaignRepository campaigns, CandidateRepository candidates,
            SubmissionRepository submissions, ProductionFileRepository files, GroupSittingRepository sittings,
            TaskService tasks, RuntimeService runtime, org.camunda.bpm.engine.ProcessEngine engine) {
        this.sittings = sittings;
        this.engineName = engine.getName();
        this.runtime = runtime;
        this.entities = entities;
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.submissions = submissions;
        this.files = files;
        this.tasks = tasks;
    }

    /** What to list: every filter optional; the candidate filter matches a number, a last or a first name, in part. */
    public record Filter(String component, String status, String candidate, Integer page, Integer size) {
    }

    public record Page(String campaign, Long campaignId, int page, int size, long total, int totalPages,
            List<ProductionItem> items) {
    }

    public record CandidateRef(Long id, String number, String lastName, String firstName, String group) {
    }

    public record FileRef(Long id, String document, String filename, long size, Instant uploadedAt, String uploadedBy,
            String href) {
    }

    /** The user task open on the production, with its Tasklist address. */
    public record OpenTask(String id, String key, String name, String href) {
    }

    public record ProductionItem(Long id, CandidateRef candidate, String component, int attempt, String status,
            String result, Instant deadline, Instant submittedAt, int returnedCount, Instant oralAt, List<FileRef> files,
            List<OpenTask> openTasks, String filesHref, List<String> missingContents, String admissibleDespite) {
    }

    /** Tasklist's address of a task. */
    public String tasklistHref(String taskId) {
        return tasklist() + "#/?task=" + taskId;
    }

    /** Tasklist's address for this engine. */
    public String tasklist() {
        return "/camunda/app/tasklist/" + engineName + "/";
    }

    @Transactional(readOnly = true)
    public Page list(String campaignIdOrCode, Filter filter) {
        Campaign campaign = campaigns.resolve(campaignIdOrCode);
        List<FieldProblem> problems = new ArrayList<>();
        int page = filter.page() == null ? 0 : filter.page();
        int size = filter.size() == null ? DEFAULT_PAGE_SIZE : filter.size();
        if (page < 0) {
            problems.add(new FieldProblem("page", "doit être positif ou nul (la première page est 0)"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "entre 1 et " + MAX_PAGE_SIZE + " productions par page"));
        }
        ProductionStatus status = null;
        if (blank(filter.status()) != null) {
            try {
                status = ProductionStatus.valueOf(filter.status().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "état inconnu ; états possibles : " + Arrays.stream(ProductionStatus.values())
                        .map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        String component = blank(filter.component());
        if (component != null && !campaignComponents(campaign).contains(component)) {
            problems.add(new FieldProblem("component", "composante « " + component + " » absente de la campagne ; composantes : "
                    + String.join(", ", campaignComponents(campaign))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String candidate = blank(filter.candidate());
        StringBuilder where = new StringBuilder(" from Production p, Candidate c where c.id = p.candidateId and p.campaignId = :campaign");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("campaign", campaign.getId());
        if (component != null) {
            where.append(" and p.componentCode = :component");
            parameters.put("component", component);
        }
        if (status != null) {
            where.append(" and p.status = :status");
            parameters.put("status", status);
        }
        if (candidate != null) {
            where.append(" and (lower(c.number) like :candidate or lower(c.lastName) like :candidate or lower(c.firstName) like :candidate)");
            parameters.put("candidate", "%" + candidate.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        TypedQuery<Long> count = entities.createQuery("select count(p)" + where, Long.class);
        TypedQuery<Production> select = entities.createQuery("select p" + where + " order by c.number, p.componentCode, p.attempt",
                Production.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<Production> rows = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page(campaign.getCode(), campaign.getId(), page, size, total, (int) ((total + size - 1) / size),
                items(rows));
    }

    /** What the candidates × composantes table shows: every filter optional. */
    public record GridFilter(String bloc, String component, String status, String candidate, String group, Integer page,
            Integer size) {
    }

    /**
     * One candidate's row: for each composante shown, its latest production (absent when it has none), and the blocs
     * the candidate acquired in an earlier campaign (whose composantes have no production here).
     */
    public record GridRow(CandidateRef candidate, Map<String, ProductionItem> cells, java.util.Set<String> acquiredBlocs) {
    }

    public record Grid(String campaign, List<String> components, List<String> groups, int page, int size, long total,
            int totalPages, List<GridRow> rows) {
    }

    /**
     * A page of the campaign's candidates (by number), one column per composante of the référentiel the campaign
     * assesses (those of {@code bloc}, or only {@code component}), each cell the candidate's latest production there.
     * The state filter keeps the candidates with a production in that state in a column shown; the candidate filter
     * matches a number, a last or a first name in part; the group filter a group code. Four queries and the task
     * query, whatever the page size: no query per row.
     */
    @Transactional(readOnly = true)
    public Grid grid(Campaign campaign, List<String> columns, GridFilter filter) {
        List<FieldProblem> problems = new ArrayList<>();
        int page = filter.page() == null ? 0 : filter.page();
        int size = filter.size() == null ? DEFAULT_PAGE_SIZE : filter.size();
        if (page < 0) {
            problems.add(new FieldProblem("page", "doit être positif ou nul (la première page est 0)"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "entre 1 et " + MAX_PAGE_SIZE + " candidats par page"));
        }
        ProductionStatus status = null;
        if (blank(filter.status()) != null) {
            try {
                status = ProductionStatus.valueOf(filter.status().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("etat", "état inconnu « " + filter.status() + " »"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        StringBuilder where = new StringBuilder(" from Candidate c where c.campaignId = :campaign");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("campaign", campaign.getId());
        String candidate = blank(filter.candidate());
        if (candidate != null) {
            where.append(" and (lower(c.number) like :candidate or lower(c.lastName) like :candidate or lower(c.firstName) like :candidate)");
            parameters.put("candidate", "%" + candidate.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        String group = blank(filter.group());
        if (group != null) {
            where.append(" and c.groupCode = :group");
            parameters.put("group", group);
        }
        if (status != null) {
            // The state of the latest attempt, the one the cell shows.
            where.append(" and exists (select p.id from Production p where p.candidateId = c.id and p.campaignId = :campaign"
                    + " and p.status = :status and p.componentCode in :columns and p.attempt = (select max(q.attempt)"
                    + " from Production q where q.candidateId = p.candidateId and q.campaignId = p.campaignId"
                    + " and q.componentCode = p.componentCode))");
            parameters.put("status", status);
            parameters.put("columns", columns.isEmpty() ? List.of("") : columns);
        }
        TypedQuery<Long> count = entities.createQuery("select count(c)" + where, Long.class);
        // Their columns only: a Candidate entity brings its acquired blocs, one query per candidate.
        TypedQuery<Object[]> select = entities.createQuery(CANDIDATE_COLUMNS + where + " order by c.number", Object[].class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<CandidateRef> shown = select.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(ProductionListing::ref).toList();
        List<GridRow> rows = new ArrayList<>();
        Map<Long, java.util.Set<String>> acquired = new java.util.HashMap<>();
        if (!shown.isEmpty()) {
            entities.createQuery("select c.id, key(b) from Candidate c join c.acquiredBlocs b where c.id in :candidates",
                    Object[].class).setParameter("candidates", shown.stream().map(CandidateRef::id).toList()).getResultList()
                    .forEach(row -> acquired.computeIfAbsent((Long) row[0], id -> new java.util.TreeSet<>()).add((String) row[1]));
        }
        if (!shown.isEmpty() && !columns.isEmpty()) {
            List<Production> found = entities.createQuery("select p from Production p where p.campaignId = :campaign"
                    + " and p.candidateId in :candidates and p.componentCode in :columns order by p.attempt", Production.class)
                    .setParameter("campaign", campaign.getId())
                    .setParameter("candidates", shown.stream().map(CandidateRef::id).toList())
                    .setParameter("columns", columns).getResultList();
            // The latest attempt of each candidate's composante (ordered by attempt: the last one put wins).
            Map<Long, Map<String, Production>> latest = new LinkedHashMap<>();
            for (Production production : found) {
                latest.computeIfAbsent(production.getCandidateId(), id -> new LinkedHashMap<>())
                        .put(production.getComponentCode(), production);
            }
            List<Production> cells = latest.values().stream().flatMap(byComponent -> byComponent.values().stream()).toList();
            Map<Long, ProductionItem> items = items(cells).stream()
                    .collect(Collectors.toMap(ProductionItem::id, Function.identity()));
            for (CandidateRef c : shown) {
                Map<String, ProductionItem> byComponent = new LinkedHashMap<>();
                latest.getOrDefault(c.id(), Map.of()).forEach((code, production) -> byComponent.put(code, items.get(production.getId())));
                rows.add(new GridRow(c, byComponent, acquired.getOrDefault(c.id(), java.util.Set.of())));
            }
        } else {
            shown.forEach(c -> rows.add(new GridRow(c, Map.of(), acquired.getOrDefault(c.id(), java.util.Set.of()))));
        }
        List<String> groups = entities.createQuery("select distinct c.groupCode from Candidate c where c.campaignId = :campaign"
                + " and c.groupCode is not null order by c.groupCode", String.class).setParameter("campaign", campaign.getId())
                .getResultList();
        return new Grid(campaign.getCode(), columns, groups, page, size, total, (int) ((total + size - 1) / size), rows);
    }

    /** A candidate's columns the listings show, in {@link #ref(Object[])}'s order. */
    private static final String CANDIDATE_COLUMNS = "select c.id, c.number, c.lastName, c.firstName, c.groupCode";

    private static CandidateRef ref(Object[] row) {
        return new CandidateRef((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }

    /** One production as the listing shows it. */
    @Transactional(readOnly = true)
    public ProductionItem item(Production production) {
        return items(List.of(production)).get(0);
    }

    /** How many of the campaign's productions stand in each state, by composante. */
    @Transactional(readOnly = true)
    public Map<String, Map<ProductionStatus, Long>> countsByComponentAndStatus(Long campaignId) {
        Map<String, Map<ProductionStatus, Long>> counts = new java.util.TreeMap<>();
        for (Object[] row : entities.createQuery("select p.componentCode, p.status, count(p) from Production p "
                + "where p.campaignId = :campaign group by p.componentCode, p.status", Object[].class)
                .setParameter("campaign", campaignId).getResultList()) {
            counts.computeIfAbsent((String) row[0], c -> new java.util.EnumMap<>(ProductionStatus.class))
                    .put((ProductionStatus) row[1], (Long) row[2]);
        }
        return counts;
    }

    private List<ProductionItem> items(List<Production> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, CandidateRef> byId = entities.createQuery(CANDIDATE_COLUMNS + " from Candidate c where c.id in :ids", Object[].class)
                .setParameter("ids", rows.stream().map(Production::getCandidateId).distinct().toList()).getResultList().stream()
                .map(ProductionListing::ref).collect(Collectors.toMap(CandidateRef::id, Function.identity()));
        List<Long> submissionIds = rows.stream().map(Production::getSubmissionId).distinct().toList();
        Map<Long, Submission> submissionsById = submissions.findAllById(submissionIds).stream()
                .collect(Collectors.toMap(Submission::getId, Function.identity()));
        Map<Long, List<ProductionFile>> filesBySubmission = files.findBySubmissionIdInOrderById(submissionIds).stream()
                .collect(Collectors.groupingBy(ProductionFile::getSubmissionId));
        // A member of a group on a collective composante: the tasks open on its production are those of the group's
        // sitting (its latest round), one process for the whole group.
        Map<Long, String> sittingKeyBySubmission = sittings.findBySubmissionIdIn(submissionIds).stream()
                .collect(Collectors.toMap(GroupSitting::getSubmissionId, Function.identity(),
                        (a, b) -> a.getRound() >= b.getRound() ? a : b))
                .values().stream().collect(Collectors.toMap(GroupSitting::getSubmissionId, GroupSitting::getBusinessKey));
        String[] keys = Stream.concat(rows.stream().map(Production::getProcessKey),
                sittingKeyBySubmission.values().stream()).distinct().toArray(String[]::new);
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKeyIn(keys).orderByTaskCreateTime().asc().list();
        Map<String, List<OpenTask>> tasksByKey = new LinkedHashMap<>();
        Map<String, Long> memberOfTask = new HashMap<>();
        if (!open.isEmpty()) {
            Map<String, String> keyOfInstance = runtime.createProcessInstanceQuery()
                    .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
                    .stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
            for (Task task : open) {
                String key = keyOfInstance.get(task.getProcessInstanceId());
                tasksByKey.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), tasklistHref(task.getId())));
                memberOf(key, task).ifPresent(member -> memberOfTask.put(task.getId(), member));
            }
        }
        List<ProductionItem> items = new ArrayList<>();
        for (Production production : rows) {
            CandidateRef candidate = byId.get(production.getCandidateId());
            Submission submission = submissionsById.get(production.getSubmissionId());
            List<FileRef> handedIn = filesBySubmission.getOrDefault(production.getSubmissionId(), List.of()).stream()
                    .map(file -> new FileRef(file.getId(), file.getDocumentCode(), file.getFilename(), file.getSizeBytes(),
                            file.getUploadedAt(), file.getUploadedBy(),
                            "/api/productions/" + production.getId() + "/files/" + file.getId()))
                    .toList();
            items.add(new ProductionItem(production.getId(),
                    candidate,
                    production.getComponentCode(), production.getAttempt(), production.getStatus().name(),
                    production.getResult(), production.getDeadline(), submission == null ? null : submission.getSubmittedAt(),
                    production.getReturnedCount(), production.getOralAt(), handedIn,
                    openTasks(tasksByKey, memberOfTask, production, sittingKeyBySubmission.get(production.getSubmissionId())),
                    "/api/productions/" + production.getId() + "/files",
                    // The référentiel's required contents found missing at admissibility, and why it was accepted so.
                    production.getMissingContents(), production.getAdmissibleDespite()));
        }
        return items;
    }

    /**
     * The tasks open on the production's own process, then those of its group's sitting, if it has one: the steps done
     * once for the sitting (admissibility, oral scheduling, a juror's group evaluation), and of the steps done for one
     * member (a VAE bloc's evaluation of one composante, a harmonisation), this production's only.
     */
    private static List<OpenTask> openTasks(Map<String, List<OpenTask>> tasksByKey, Map<String, Long> memberOfTask,
            Production production, String sittingKey) {
        List<OpenTask> own = tasksByKey.getOrDefault(production.getProcessKey(), List.of());
        if (sittingKey == null) {
            return own;
        }
        List<OpenTask> all = new ArrayList<>(own);
        for (OpenTask task : tasksByKey.getOrDefault(sittingKey, List.of())) {
            Long member = memberOfTask.get(task.id());
            if (member == null || member.equals(production.getId())) {
                all.add(task);
            }
        }
        return all;
    }

    /** A sitting's user tasks done for one member (the others, for the whole sitting, need no look-up). */
    private static final java.util.Set<String> MEMBER_STEPS = java.util.Set.of(ActivityIds.EVALUATE_PRODUCTION, ActivityIds.HARMONISE);

    /**
     * The member a sitting's task is for, when it is for one: the element variable of the sitting's multi-instance
     * steps per member (the VAE bloc's sub-process per composante, the harmonisation per member). Read through the
     * task's execution, since the sub-process's tasks sit in scopes below it.
     */
    private java.util.Optional<Long> memberOf(String businessKey, Task task) {
        if (!ProcessKeys.isGroupSitting(businessKey) || !MEMBER_STEPS.contains(task.getTaskDefinitionKey())) {
            return java.util.Optional.empty();
        }
        return runtime.getVariable(task.getExecutionId(), Variables.MEMBER_PRODUCTION_ID) instanceof Number member
                ? java.util.Optional.of(member.longValue()) : java.util.Optional.empty();
    }

    private static List<String> campaignComponents(Campaign campaign) {
        return new ArrayList<>(campaign.getSubmissionDeadlines().keySet());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
