package fr.certiflow.jury;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The assignment rule: eligible jurors (not a jury president, no conflict, not the trainer, not of the employer,
 * under their maximum load) are taken least loaded first, ties broken by user id, so the same input always gives the same jury; the jury
 * must count at least one external professional and, when English is required, one English-qualified juror.
 */
@Component
class BalancedJuryAssigner implements JuryAssigner {

    @Override
    public List<String> choose(Request request, List<Juror> pool, Map<String, Long> loads) {
        List<Juror> eligible = pool.stream()
                .filter(juror -> !request.excluded().contains(juror.getUserId()))
                // Jury presidents harmonise and deliberate: they do not evaluate, so they can arbitrate.
                .filter(juror -> !juror.isPresident())
                .filter(juror -> loads.getOrDefault(juror.getUserId(), 0L) < juror.getMaxLoad())
                .filter(juror -> !conflicts(juror, request))
                .sorted(Comparator.comparingLong((Juror juror) -> loads.getOrDefault(juror.getUserId(), 0L))
                        .thenComparing(Juror::getUserId))
                .toList();
        if (eligible.size() < request.jurors()) {
            return List.of();
        }
        List<Juror> chosen = new ArrayList<>();
        // Required profiles first, each the least loaded of its kind, then the rest by load.
        if (request.englishRequired()) {
            eligible.stream().filter(Juror::isEnglishQualified).findFirst().ifPresent(chosen::add);
            if (chosen.isEmpty()) {
                return List.of();
            }
        }
        if (chosen.stream().noneMatch(Juror::isExternal)) {
            eligible.stream().filter(Juror::isExternal).filter(juror -> !chosen.contains(juror)).findFirst()
                    .ifPresent(chosen::add);
            if (chosen.stream().noneMatch(Juror::isExternal)) {
                return List.of();
            }
        }
        for (Juror juror : eligible) {
            if (chosen.size() >= request.jurors()) {
                break;
            }
            if (!chosen.contains(juror)) {
                chosen.add(juror);
            }
        }
        if (chosen.size() > request.jurors()) {
            return List.of();
        }
        return chosen.stream().map(Juror::getUserId).sorted().toList();
    }

    private static boolean conflicts(Juror juror, Request request) {
        if (juror.conflicts().contains(request.candidateNumber())) {
            return true;
        }
        if (same(juror.getDisplayName(), request.trainer()) || same(juror.getUserId(), request.trainer())) {
            return true;
        }
        if (same(juror.getOrganisation(), request.employer())) {
            return true;
        }
        return request.employer() != null && juror.conflicts().stream().anyMatch(value -> same(value, request.employer()));
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
