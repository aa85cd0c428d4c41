package fr.certiflow.documents;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.deliberation.CertificationDecision;
import fr.certiflow.deliberation.CertificationDecisionRepository;
import fr.certiflow.deliberation.Decisions;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.jury.JuryDerogation;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a campaign's decisions into the PV de délibération. */
@Service
public class MinutesService {

    private final CampaignRepository campaigns;
    private final CandidateRepository candidates;
    private final CampaignReferentials referentials;
    private final ProductionRepository productions;
    private final BlocResultRepository blocResults;
    private final CertificationDecisionRepository decisions;
    private final JurorRepository jurors;
    private final JuryDerogationRepository derogations;

    MinutesService(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials,
            ProductionRepository productions, BlocResultRepository blocResults, CertificationDecisionRepository decisions,
            JurorRepository jurors, JuryDerogationRepository derogations) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.productions = productions;
        this.blocResults = blocResults;
        this.decisions = decisions;
        this.jurors = jurors;
        this.derogations = derogations;
    }

    @Transactional(readOnly = true)
    public byte[] minutes(Long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        Referential referential = referentials.of(campaign);
        List<MinutesWorkbook.BlocColumns> blocs = referential.blocs().stream()
                .filter(bloc -> campaign.getBlocs().contains(bloc.code()))
                .map(bloc -> new MinutesWorkbook.BlocColumns(bloc.code(), bloc.title(),
                        bloc.components().stream().map(Component::code).toList()))
                .toList();
        Map<Long, List<Production>> productionsByCandidate = productions.findByCampaignId(campaignId).stream()
                .collect(Collectors.groupingBy(Production::getCandidateId));
        Map<Long, List<BlocResult>> blocsByCandidate = blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaignId)
                .stream().collect(Collectors.groupingBy(BlocResult::getCandidateId));
        Map<Long, CertificationDecision> certification = decisions.findByCampaignIdOrderByCandidateId(campaignId).stream()
                .collect(Collectors.toMap(CertificationDecision::getCandidateId, Function.identity()));
        Map<Long, JuryDerogation> derogationByProduction = derogations.findByCampaignId(campaignId).stream()
                .collect(Collectors.toMap(JuryDerogation::getProductionId, Function.identity()));
        List<MinutesWorkbook.CandidateRow> rows = new ArrayList<>();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaignId)) {
            Map<String, String> blocDecisions = new LinkedHashMap<>();
            List<String> overrides = new ArrayList<>();
            for (Bloc bloc : referential.blocs()) {
                if (candidate.getAcquiredBlocs().containsKey(bloc.code())) {
                    blocDecisions.put(bloc.code(), "Acquis le " + candidate.getAcquiredBlocs().get(bloc.code()));
                }
            }
            for (BlocResult result : blocsByCandidate.getOrDefault(candidate.getId(), List.of())) {
                blocDecisions.put(result.getBlocCode(), Decisions.label(result.getDecision())
                        + (result.getAttempt() > 1 ? " (passage " + result.getAttempt() + ")" : ""));
                if (result.overridden()) {
                    overrides.add("Bloc " + result.getBlocCode() + " : " + Decisions.label(result.getDecision()) + " au lieu de "
                            + Decisions.label(result.getProposed()) + " — " + result.getJustification());
                }
            }
            productionsByCandidate.getOrDefault(candidate.getId(), List.of()).stream()
                    .filter(production -> derogationByProduction.containsKey(production.getId()))
                    .sorted(Comparator.comparing(Production::getComponentCode).thenComparingInt(Production::getAttempt))
                    .forEach(production -> overrides.add("Jury de " + production.getComponentCode()
                            + (production.getAttempt() > 1 ? " (passage " + production.getAttempt() + ")" : "")
                            + " désigné par un coordinateur. "
                            + JuryDesignations.derogation(derogationByProduction.get(production.getId()))));
            Map<String, String> componentResults = new LinkedHashMap<>();
            productionsByCandidate.getOrDefault(candidate.getId(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Production::getAttempt))
                    .forEach(production -> componentResults.put(production.getComponentCode(),
                            production.getResult() == null ? "En cours" : Decisions.label(production.getResult())));
            CertificationDecision decision = certification.get(candidate.getId());
            rows.add(new MinutesWorkbook.CandidateRow(candidate.getNumber(), candidate.getLastName(), candidate.getFirstName(),
                    blocDecisions, componentResults, String.join("\n", overrides),
                    decision == null ? "En attente du jury" : decision.getDecision() == null
                            ? "Proposée : " + Decisions.label(decision.getProposed()) : Decisions.label(decision.getDecision())));
        }
        List<String> members = jurors.findByCampaignIdOrderByUserId(campaignId).stream()
                .sorted(Comparator.comparing(Juror::isPresident).reversed().thenComparing(Juror::getDisplayName))
                .map(juror -> juror.getDisplayName() + (juror.isPresident() ? " — président du jury" : "")
                        + (juror.getOrganisation() == null ? "" : " (" + juror.getOrganisation() + ")"))
                .toList();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MinutesWorkbook.write(out, new MinutesWorkbook.Header(referential.title(), campaign.getName() + " ("
                    + campaign.getCode() + ")", referential.code() + " version " + referential.version() + " (critères et indicateurs) ; règles de "
                    + "décision, échelle et jurys : " + referentials.regulation(campaign).title(), blocs), rows, members);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
