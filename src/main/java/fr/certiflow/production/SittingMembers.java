package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.FormIds;
import fr.certiflow.process.GroupOutcome;
import fr.certiflow.process.ProcessKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A group's members and their sitting (« Évaluation d'une production collective »), or a VAE candidate's composantes
 * and the sitting on their bloc's dossier: the first member to arrive opens the sitting (one row per group submission
 * and round, under a unique key), the others find it; how the sitting and its multi-instance steps name members; the
 * outcome each member's own process receives.
 */
@Service
public class SittingMembers {

    /** A sitting to start: what its process is told of the group (or the VAE candidate) and the composante (or bloc). */
    public record SittingToStart(GroupSitting sitting, long campaignId, String campaignCode, boolean vae, String code,
            int attempt, String candidateLabel, String componentLabel, boolean oral, String route,
            String evaluationFormId, String harmonisationFormId, Instant evaluationDue, int memberCount) {
    }

    /**
     * How a multi-instance step names its member. In a VAE sitting a member is one composante of the bloc: its code,
     * label, evaluation and harmonisation forms are the composante's; elsewhere only the label is set (the others null).
     */
    public record MemberNaming(String candidateLabel, String componentCode, String componentLabel, String evaluationFormId,
            String harmonisationFormId) {
    }

    /** What a member's process receives from the sitting. */
    public record MemberOutcome(String processKey, GroupOutcome outcome, String memberName) {
    }

    private final GroupSittingRepository sittings;
    private final SubmissionRepository submissions;
    private final ProductionLookup lookup;
    private final CandidateRepository candidates;
    private final Clock clock;

    SittingMembers(GroupSittingRepository sittings, SubmissionRepository submissions, ProductionLookup lookup,
            CandidateRepository candidates, Clock clock) {
        this.sittings = sittings;
        this.submissions = submissions;
        this.lookup = lookup;
        this.candidates = candidates;
        this.clock = clock;
    }

    /**
     * A member's production joins its sitting, opening it when it is the first member to arrive. Returns the sitting
     * to start, empty when its process is already started.
     */
    public Optional<SittingToStart> join(Production production) {
        ProductionContexts.Context context = lookup.context(production);
        Candidate candidate = candidates.findById(production.getCandidateId()).orElseThrow();
        Campaign campaign = context.campaign();
        int round = production.getReturnedCount();
        AssessmentRoute route = context.route();
        // A VAE candidate's sitting is on the bloc whose dossier they handed in; its « group » is the candidate alone.
        String unit = route.vae() ? candidate.getNumber() : candidate.getGroupCode();
        String code = route.vae() ? route.bloc().code() : production.getComponentCode();
        // The members' joins take their turn on the group's submission (one row, locked until this job commits): the
        // first opens the sitting, the others find it. The unique key (submission, round) stays the last guard.
        submissions.lockById(production.getSubmissionId()).orElseThrow();
        GroupSitting sitting = sittings.findBySubmissionIdAndRound(production.getSubmissionId(), round).orElseGet(() ->
                sittings.saveAndFlush(new GroupSitting(production.getSubmissionId(), round, campaign.getId(), code,
                        production.getAttempt(), unit, route.vae()
                                ? ProcessKeys.vaeBusinessKey(campaign.getCode(), unit, code, production.getAttempt(), round)
                                : ProcessKeys.groupBusinessKey(campaign.getCode(), unit, code, production.getAttempt(), round),
                        clock.instant())));
        if (sitting.getProcessInstanceId() != null) {
            return Optional.empty();
        }
        List<Production> members = lookup.members(sitting);
        // Tasks name what they are about: the composante, or « bloc BC1 » for a VAE sitting's steps done once. A VAE
        // sitting's forms are each composante's own, set on each composante's evaluation (nameMember).
        return Optional.of(new SittingToStart(sitting, campaign.getId(), campaign.getCode(), route.vae(), code,
                production.getAttempt(),
                route.vae() ? vaeLabel(candidate) : groupLabel(sitting, members),
                route.vae()
                        ? route.bloc().code() + " " + route.bloc().title() + " (" + members.stream()
                                .map(Production::getComponentCode).collect(Collectors.joining(", ")) + ")"
                        : context.component().code() + " " + context.component().title(),
                route.oral(), route.describe(),
                route.vae() ? null : FormIds.groupEvaluation(context.regulation(), context.component()),
                route.vae() ? null : FormIds.harmonisation(context.regulation(), context.component()),
                campaign.getEvaluationDeadline(), members.size()));
    }

    /** The members' productions, for the sitting's multi-instance steps (grids). */
    public List<Long> memberIds(List<Production> members) {
        return members.stream().map(Production::getId).toList();
    }

    /** The members whose jurors disagree on a criterion, for the president's harmonisation, one task per member. */
    public List<Long> membersToHarmonise(List<Production> members) {
        return members.stream().filter(member -> member.getStatus() == ProductionStatus.HARMONISATION)
                .map(Production::getId).toList();
    }

    /** Names the member a multi-instance step of the sitting is for (« Groupe G1 — Nom Prénom (n° …) »). */
    public MemberNaming nameMember(String sittingKey, Production member) {
        if (ProcessKeys.isVaeSitting(sittingKey)) {
            ProductionContexts.Context context = lookup.context(member);
            return new MemberNaming(vaeLabel(candidates.findById(member.getCandidateId()).orElseThrow()),
                    context.component().code(), context.component().code() + " " + context.component().title(),
                    FormIds.evaluation(context.regulation(), context.component()),
                    FormIds.harmonisation(context.regulation(), context.component()));
        }
        GroupSitting sitting = lookup.sitting(sittingKey);
        return new MemberNaming("Groupe " + sitting.getGroupCode() + " — " + memberName(member), null, null, null, null);
    }

    /** The coordinator returned the group's production: each member's process returns it and waits for it again. */
    public List<MemberOutcome> returned(List<Production> members) {
        return members.stream().map(member -> new MemberOutcome(member.getProcessKey(), GroupOutcome.RETURNED,
                memberName(member))).toList();
    }

    /** The sitting is over: each member's process decides its own result, or records its absence at the oral. */
    public List<MemberOutcome> assessed(String sittingKey, List<Production> members) {
        Set<Long> absent = lookup.sitting(sittingKey).absentProductionIds();
        return members.stream().map(member -> new MemberOutcome(member.getProcessKey(),
                absent.contains(member.getId()) ? GroupOutcome.ABSENT : GroupOutcome.ASSESSED, memberName(member))).toList();
    }

    /** « Groupe G1 : Nom Prénom (n° 2027-001), … », as tasks and forms name the group. */
    String groupLabel(GroupSitting sitting, List<Production> members) {
        return "Groupe " + sitting.getGroupCode() + " : " + members.stream().map(this::memberName)
                .collect(Collectors.joining(", "));
    }

    String memberName(Production production) {
        return candidates.findById(production.getCandidateId()).orElseThrow().numberedName();
    }

    /** « Nom Prénom (2027-070, VAE) », as a VAE candidate's tasks name them. */
    private static String vaeLabel(Candidate candidate) {
        return candidate.fullName() + " (" + candidate.getNumber() + ", VAE)";
    }
}
