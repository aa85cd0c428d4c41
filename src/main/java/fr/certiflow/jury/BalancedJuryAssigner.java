package fr.certiflow.jury;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The assignment rule: the jurors {@link JuryRules} has no objection to are taken least loaded first, ties broken by
 * user id, so the same input always gives the same jury; the required profiles (language-qualified, then external
 * professionals) are taken first, and a jury with any shortfall is no jury.
 */
@Component
class BalancedJuryAssigner implements JuryAssigner {

    @Override
    public List<String> choose(Request request, List<Juror> pool, Map<String, Long> loads) {
        JuryPolicy policy = request.policy();
        List<Juror> eligible = pool.stream()
                .filter(juror -> request.candidacies().stream().allMatch(candidacy ->
                        JuryRules.objections(policy, juror, candidacy, load(loads, juror)).isEmpty()))
                .sorted(Comparator.comparingLong((Juror juror) -> load(loads, juror)).thenComparing(Juror::getUserId))
                .toList();
        if (eligible.size() < policy.jurors()) {
            return List.of();
        }
        List<Juror> chosen = new ArrayList<>();
        // Required profiles first, each the least loaded of its kind, then the rest by load.
        takeUpTo(chosen, eligible, JuryRules::languageQualified, policy.languageQualifiedMinimum());
        takeUpTo(chosen, eligible, Juror::isExternal, policy.externalMinimum());
        for (Juror juror : eligible) {
            if (chosen.size() >= policy.jurors()) {
                break;
            }
            if (!chosen.contains(juror)) {
                chosen.add(juror);
            }
        }
        if (!JuryRules.shortfalls(policy, chosen).isEmpty()) {
            return List.of();
        }
        return chosen.stream().map(Juror::getUserId).sorted().toList();
    }

    /** Adds eligible jurors of a kind, in order, until the jury counts {@code minimum} of them or none is left. */
    private static void takeUpTo(List<Juror> chosen, List<Juror> eligible, Predicate<Juror> kind, int minimum) {
        for (Juror juror : eligible) {
            if (chosen.stream().filter(kind).count() >= minimum) {
                return;
            }
            if (kind.test(juror) && !chosen.contains(juror)) {
                chosen.add(juror);
            }
        }
    }

    private static long load(Map<String, Long> loads, Juror juror) {
        return loads.getOrDefault(juror.getUserId(), 0L);
    }
}
