package fr.certiflow.documents;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.deliberation.CertificationDecision;
import fr.certiflow.deliberation.CertificationDecisionRepository;
import fr.certiflow.deliberation.CertificationDeliberation;
import fr.certiflow.deliberation.CertificationJury;
import fr.certiflow.deliberation.CertificationJuryRepository;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.jury.JuryDerogation;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.process.Decision;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    private final PeopleNames people;
    private final JuryDerogationRepository derogations;
    private final CertificationJuryRepository juries;

    private static final DateTimeFormatter SITTING = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    MinutesService(CampaignRepository campaigns, CandidateRepository candidates, CampaignReferentials referentials,
            ProductionRepository productions, BlocResultRepository blocResults, CertificationDecisionRepository decisions,
            PeopleNames people, JuryDerogationRepository derogations, CertificationJuryRepository juries) {
        this.campaigns = campaigns;
        this.candidates = candidates;
        this.referentials = referentials;
        this.productions = productions;
        this.blocResults = blocResults;
        this.decisions = decisions;
        this.people = people;
        this.derogations = derogations;
        this.juries = juries;
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Per bloc, the jury presidents who deliberated on it and for how many candidates. */
    private static List<String> blocJuries(List<BlocResult> results, Function<String, String> names) {
        Map<String, Map<String, Long>> byBloc = new java.util.TreeMap<>();
        for (BlocResult result : results) {
            byBloc.computeIfAbsent(result.getBlocCode(), bloc -> new java.util.TreeMap<>())
                    .merge(names.apply(result.getDecidedBy()), 1L, Long::sum);
        }
        List<String> lines = new ArrayList<>();
        byBloc.forEach((bloc, presidents) -> lines.add("Bloc " + bloc + " : délibéré par " + presidents.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + MinutesWorkbook.number(entry.getValue()) + " décision" + (entry.getValue() > 1 ? "s" : "") + ")")
                .collect(Collectors.joining(", "))));
        return lines;
    }

    @Transactional(readOnly = true)
    public byte[] minutes(Long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        Referential referential = referentials.of(campaign);
        List<MinutesWorkbook.BlocColumns> blocs = referential.blocs().stream()
                .filter(bloc -> campaign.getBlocs().contains(bloc.code()))
                .map(bloc -> new MinutesWorkbook.BlocColumns(bloc.code(), bloc.title(),
                        bloc.components().stream().map(Component::code).toList(),
                        bloc.components().stream().collect(Collectors.toMap(Component::code, Component::title))))
                .toList();
        Map<Long, List<Production>> productionsByCandidate = productions.findByCampaignId(campaignId).stream()
                .collect(Collectors.groupingBy(Production::getCandidateId));
        List<BlocResult> allBlocResults = blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaignId);
        Map<Long, List<BlocResult>> blocsByCandidate = allBlocResults.stream()
                .collect(Collectors.groupingBy(BlocResult::getCandidateId));
        Map<Long, CertificationDecision> certification = decisions.findByCampaignIdOrderByCandidateId(campaignId).stream()
                .collect(Collectors.toMap(CertificationDecision::getCandidateId, Function.identity()));
        Map<Long, JuryDerogation> derogationByProduction = derogations.findByCampaignId(campaignId).stream()
                .collect(Collectors.toMap(JuryDerogation::getProductionId, Function.identity()));
        Regulation regulation = referentials.regulation(campaign);
        Function<String, String> names = people.of(campaignId);
        List<MinutesWorkbook.CandidateRow> rows = new ArrayList<>();
        for (Candidate candidate : candidates.findByCampaignIdOrderByNumber(campaignId)) {
            Map<String, String> blocDecisions = new LinkedHashMap<>();
            List<String> overrides = new ArrayList<>();
            for (Bloc bloc : referential.blocs()) {
                if (campaign.acquiredEarlier(candidate, bloc.code(), regulation.bloc())) {
                    blocDecisions.put(bloc.code(), "Acquis le " + DAY.format(candidate.getAcquiredBlocs().get(bloc.code())));
                }
            }
            for (BlocResult result : blocsByCandidate.getOrDefault(candidate.getId(), List.of())) {
                blocDecisions.put(result.getBlocCode(), Decision.label(result.getDecision())
                        + (result.getAttempt() > 1 ? " (passage " + result.getAttempt() + ")" : ""));
                if (result.overridden()) {
                    overrides.add("Bloc " + result.getBlocCode() + " : " + Decision.label(result.getDecision()) + " au lieu de "
                            + Decision.label(result.getProposed()) + " — " + result.getJustification());
                }
            }
            productionsByCandidate.getOrDefault(candidate.getId(), List.of()).stream()
                    .filter(production -> derogationByProduction.containsKey(production.getId()))
                    .sorted(Comparator.comparing(Production::getComponentCode).thenComparingInt(Production::getAttempt))
                    .forEach(production -> overrides.add("Jury de " + production.getComponentCode()
                            + (production.getAttempt() > 1 ? " (passage " + production.getAttempt() + ")" : "")
                            + " désigné par un coordinateur. "
                            + JuryDesignations.derogation(derogationByProduction.get(production.getId()), names)));
            Map<String, String> componentResults = new LinkedHashMap<>();
            productionsByCandidate.getOrDefault(candidate.getId(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Production::getAttempt))
                    .forEach(production -> componentResults.put(production.getComponentCode(),
                            production.getResult() == null ? "En cours" : Decision.label(production.getResult())));
            CertificationDecision decision = certification.get(candidate.getId());
            if (decision != null && decision.derogates()) {
                overrides.add("Certification : " + CertificationDeliberation.label(decision.getDecision()) + " au lieu de "
                        + CertificationDeliberation.label(decision.getProposed()) + " (proposée) — " + decision.getJustification());
            }
            rows.add(new MinutesWorkbook.CandidateRow(candidate.getNumber(), candidate.getLastName(), candidate.getFirstName(),
                    candidate.getPathway() == Pathway.VAE ? regulation.pathways().vae().route()
                            : regulation.pathways().formation().label(),
                    blocDecisions, componentResults, String.join("\n", overrides), certificationCell(decision)));
        }
        MinutesWorkbook.Jury jury = juries.findByCampaignId(campaignId).map(MinutesService::jury)
                .orElseGet(() -> new MinutesWorkbook.Jury("Jury de certification : pas encore réuni, les décisions de "
                        + "certification ci-dessus sont des propositions.", null, List.of(), null));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MinutesWorkbook.write(out, new MinutesWorkbook.Header(referential.title(), campaign.getName() + " ("
                    + campaign.getCode() + ")", referential.code() + " version " + referential.version() + " (critères et indicateurs) ; règles de "
                    + "décision, échelle, jurys et parcours VAE : " + regulation.title(), dates(campaign), blocs), rows, jury,
                    blocJuries(allBlocResults, names));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session's dates, JJ/MM/AAAA, those that are set. */
    private static String dates(Campaign campaign) {
        List<String> dates = new ArrayList<>();
        if (campaign.getOpensAt() != null) {
            dates.add("ouverture le " + DAY.withZone(PARIS).format(campaign.getOpensAt()));
        }
        if (campaign.getEvaluationDeadline() != null) {
            dates.add("évaluations jusqu'au " + DAY.withZone(PARIS).format(campaign.getEvaluationDeadline()));
        }
        if (campaign.getDeliberationDate() != null) {
            dates.add("délibération le " + DAY.withZone(PARIS).format(campaign.getDeliberationDate()));
        }
        return dates.isEmpty() ? null : String.join(" ; ", dates);
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static String certificationCell(CertificationDecision decision) {
        if (decision == null) {
            return "En attente du jury";
        }
        if (decision.getDecision() == null) {
            return "Proposée : " + CertificationDeliberation.label(decision.getProposed());
        }
        return CertificationDeliberation.label(decision.getDecision()) + (decision.derogates() ? " (dérogation)" : "");
    }

    /** The members who sat, the chair first, then those designated who were absent. */
    private static MinutesWorkbook.Jury jury(CertificationJury jury) {
        List<CertificationJury.Member> present = jury.present();
        List<String> lines = new ArrayList<>();
        String president = null;
        for (CertificationJury.Member member : present) {
            boolean chair = member.getUserId().equals(jury.getChairedBy());
            if (chair) {
                president = member.getDisplayName();
            }
            lines.add(member.getDisplayName() + (chair ? " — président du jury" : "")
                    + (member.getOrganisation() == null ? "" : " (" + member.getOrganisation() + ")"));
        }
        jury.getMembers().stream().filter(member -> !member.isPresent()).forEach(member ->
                lines.add(member.getDisplayName() + " " + MinutesWorkbook.ABSENT));
        return new MinutesWorkbook.Jury("Jury de certification réuni le " + SITTING.format(jury.getSatAt())
                + " : membres présents", "Désigné selon le " + jury.getPolicySource() + " (au moins " + jury.getMinimumMembers()
                + " membres dont un président de jury, quorum de " + jury.getQuorum() + ") : " + present.size()
                + " présent(s) sur " + jury.getMembers().size() + " désigné(s).", lines,
                president == null ? jury.getChairedBy() : president);
    }
}
