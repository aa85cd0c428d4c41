package fr.certiflow.documents;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.evaluation.ConsolidatedRating;
import fr.certiflow.evaluation.ConsolidatedRatingRepository;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.grid.JurorGrids;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.Decision;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.GroupSittingRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a production's jury, evaluations, consolidated ratings and any derogation into its consolidated grid. A
 * member of a group's sitting gets the group's workbook, a sheet per member. Jurors and presidents are shown by name.
 */
@Service
public class ConsolidatedGrids {

    private final ProductionContexts contexts;
    private final CandidateRepository candidates;
    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final JuryAssignmentRepository assignments;
    private final JurorRepository jurors;
    private final JuryDerogationRepository derogations;
    private final GroupSittingRepository sittings;
    private final PeopleNames people;

    ConsolidatedGrids(ProductionContexts contexts, CandidateRepository candidates, EvaluationRepository evaluations,
            ConsolidatedRatingRepository consolidated, JuryAssignmentRepository assignments, JurorRepository jurors,
            JuryDerogationRepository derogations, GroupSittingRepository sittings, PeopleNames people) {
        this.contexts = contexts;
        this.candidates = candidates;
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.assignments = assignments;
        this.jurors = jurors;
        this.derogations = derogations;
        this.sittings = sittings;
        this.people = people;
    }

    /** The workbook of an existing production: the group's when it was assessed at a group's sitting. */
    @Transactional(readOnly = true)
    public byte[] of(Long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        Map<String, Juror> pool = jurors.findByCampaignIdOrderByUserId(context.campaign().getId()).stream()
                .collect(Collectors.toMap(Juror::getUserId, Function.identity()));
        Optional<GroupSitting> sitting = groupSitting(context.production());
        List<Production> members = sitting.map(contexts::members).orElse(List.of(context.production()));
        boolean oral = context.route().oral();
        Set<String> taken = new HashSet<>();
        List<ConsolidatedGridWorkbook.Section> sections = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        pool.values().stream().filter(juror -> juror.getDisplayName() != null)
                .forEach(juror -> names.put(juror.getUserId(), juror.getDisplayName()));
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            Candidate candidate = candidates.findById(member.getCandidateId()).orElseThrow();
            List<ConsolidatedRating> ratings = consolidated.findByProductionIdOrderByCriterionCode(member.getId());
            ratings.stream().map(ConsolidatedRating::getDecidedBy).filter(login -> login != null && !names.containsKey(login))
                    .forEach(login -> names.put(login, people.accountName(login)));
            String label = candidate.getNumber() + (oral ? " " + candidate.fullName() : "")
                    + (context.route().vae() ? " — parcours " + context.route().describe() : "")
                    + (sitting.isPresent() ? " — groupe " + sitting.get().getGroupCode() + ", membre " + (i + 1) + " sur "
                            + members.size() : "");
            sections.add(new ConsolidatedGridWorkbook.Section(
                    sitting.isPresent() ? JurorGrids.sheetName(candidate, oral, taken) : ConsolidatedGridWorkbook.SHEET,
                    label, evaluations.findByProductionIdOrderByJurorUserId(member.getId()), ratings,
                    member.getResult() == null ? null : Decision.label(member.getResult()),
                    JuryDesignations.jury(assignments.findByProductionIdOrderByJurorUserId(member.getId()), pool),
                    derogations.findByProductionId(member.getId())
                            .map(derogation -> JuryDesignations.derogation(derogation, people::accountName)).orElse(null)));
        }
        String title = sitting.map(found -> "Grille consolidée du groupe " + found.getGroupCode() + " — ").orElse("Grille consolidée — ")
                + context.campaign().getName();
        return ConsolidatedGridWorkbook.write(title, context.component(), context.regulation(), sections, names);
    }

    /** The group's sitting the production was assessed at (its latest round), if any; a VAE sitting is not a group's. */
    private Optional<GroupSitting> groupSitting(Production production) {
        return sittings.findBySubmissionIdIn(List.of(production.getSubmissionId())).stream()
                .filter(sitting -> !ProcessKeys.isVaeSitting(sitting.getBusinessKey()))
                .max(Comparator.comparingInt(GroupSitting::getRound));
    }
}
