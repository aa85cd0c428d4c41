package fr.certiflow.grid;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.util.WorkbookUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which Excel grids to generate, for whom: one per juror assigned to a production, stored by Certiflow. At a group's
 * sitting, each juror gets one grid for the whole group, a sheet per member, stored under the group's first member's
 * production (a VAE sitting keeps a grid per composante). A grid already generated is kept, so a job that runs again
 * after a crash does not generate it twice.
 */
@Service
public class JurorGrids {

    private static final Logger log = LoggerFactory.getLogger(JurorGrids.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final GridRepository grids;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final CandidateRepository candidates;
    private final JurorNames jurorNames;
    private final Clock clock;
    private final Timer timer;

    JurorGrids(GridRepository grids, JuryAssignmentRepository assignments, ProductionContexts contexts,
            CandidateRepository candidates, JurorNames jurorNames, Clock clock, MeterRegistry meters) {
        this.timer = Timer.builder("certiflow.grid.generation").description("Grids of one production generated").register(meters);
        this.grids = grids;
        this.assignments = assignments;
        this.contexts = contexts;
        this.candidates = candidates;
        this.jurorNames = jurorNames;
        this.clock = clock;
    }

    /**
     * The grids of the process step keyed {@code businessKey}, for the production it works on: the group's grids at a
     * group's sitting (the step runs once per member: the first run writes them, the others find them), the
     * production's otherwise (a VAE sitting's member is a composante, graded on its own grid).
     */
    public void generate(String businessKey, long productionId) {
        timer.record(() -> {
            if (writesGroupGrids(businessKey)) {
                generateGroupGrids(businessKey, contexts.members(contexts.sitting(businessKey)));
            } else {
                generateGrids(productionId);
            }
        });
    }

    /**
     * Whether the step keyed {@code businessKey} writes a group's grids (a sheet per member, under the first member's
     * production): a group's sitting, not a VAE candidate's (whose composantes keep a grid each). A production whose
     * submission has such a sitting has only group grids ({@link GridFileNames} names them so).
     */
    static boolean writesGroupGrids(String businessKey) {
        return ProcessKeys.isGroupSitting(businessKey) && !ProcessKeys.isVaeSitting(businessKey);
    }

    private void generateGrids(long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        Production production = context.production();
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        // Written productions are anonymous for jurors: the grid shows the candidate number only.
        String candidateLabel = context.route().oral()
                ? candidate.fullName() + " (n° " + candidate.getNumber() + ")"
                : "n° " + candidate.getNumber();
        for (JuryAssignment assignment : assignments.findByProductionIdOrderByJurorUserId(production.getId())) {
            if (grids.findByProductionIdAndJurorUserId(production.getId(), assignment.getJurorUserId()).isPresent()) {
                continue;
            }
            String token = UUID.randomUUID().toString();
            byte[] content = GridWorkbook.write(context.referential(), context.scale(), context.component(),
                    header(context, candidateLabel, assignment.getJurorUserId()), token, production.getId(),
                    assignment.getJurorUserId());
            grids.save(new Grid(production.getId(), assignment.getJurorUserId(), token, content, clock.instant()));
        }
    }

    /**
     * One grid per juror for the group: a sheet per member, named « 2027-001 Martin » (the number alone for a written
     * production, anonymous for jurors), each the individual grid's layout with the member in its header.
     */
    private void generateGroupGrids(String sittingKey, List<Production> members) {
        Production first = members.get(0);
        ProductionContexts.Context context = contexts.of(first.getId());
        boolean oral = context.route().oral();
        Set<String> names = new HashSet<>();
        List<Candidate> people = members.stream().map(member -> candidates.findById(member.getCandidateId()).orElseThrow()).toList();
        for (JuryAssignment assignment : assignments.findByProductionIdOrderByJurorUserId(first.getId())) {
            if (grids.findByProductionIdAndJurorUserId(first.getId(), assignment.getJurorUserId()).isPresent()) {
                continue;
            }
            names.clear();
            List<GridWorkbook.Section> sections = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Candidate candidate = people.get(i);
                String label = (oral ? candidate.fullName() + " (n° " + candidate.getNumber() + ")" : "n° " + candidate.getNumber())
                        + " — groupe " + candidate.getGroupCode() + ", membre " + (i + 1) + " sur " + members.size();
                sections.add(new GridWorkbook.Section(sheetName(candidate, oral, names), members.get(i).getId(),
                        header(context, label, assignment.getJurorUserId())));
            }
            String token = UUID.randomUUID().toString();
            byte[] content = GridWorkbook.writeGroup(context.referential(), context.scale(), context.component(), sections,
                    token, assignment.getJurorUserId());
            grids.save(new Grid(first.getId(), assignment.getJurorUserId(), token, content, clock.instant()));
            log.info("Group sitting {}: grid of {} with {} member sheets", sittingKey, assignment.getJurorUserId(),
                    members.size());
        }
    }

    /**
     * « 2027-001 Martin » (« 2027-001 » for a written production): a valid sheet name, unique in the workbook; the
     * group's grid and its consolidated workbook name their member sheets alike.
     */
    public static String sheetName(Candidate candidate, boolean oral, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(oral ? candidate.getNumber() + " " + candidate.getLastName()
                : candidate.getNumber(), '-');
        base = base.substring(0, Math.min(base.length(), 28));
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " " + n;
        }
        return name;
    }

    /** The grid's header: the campaign, the candidate, the juror, the dates, and a VAE candidate's route. */
    GridWorkbook.Header header(ProductionContexts.Context context, String candidateLabel, String jurorId) {
        Campaign campaign = context.campaign();
        String dates = "Remise avant le " + DAY.format(context.production().getDeadline())
                + (campaign.getEvaluationDeadline() == null ? "" : " — évaluation avant le " + DAY.format(campaign.getEvaluationDeadline()));
        return new GridWorkbook.Header(campaign.getName() + " (" + campaign.getCode() + ")", candidateLabel,
                jurorNames.displayName(jurorId), dates, context.route().vae() ? context.route().describe() : null);
    }
}
