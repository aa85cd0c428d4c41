package fr.certiflow.deliberation;

import fr.certiflow.errors.RefusedException;
import fr.certiflow.process.Decision;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a certification jury's sitting, apart from the engine: the jury is designated from the campaign's jury
 * pool per the règlement (enough members, a jury president of the pool chairs), enough of them are present (quorum),
 * and every candidate gets the proposed decision but for the exceptions the jury lists, each with a written
 * justification. Any problem refuses the whole sitting with a French message; nothing is partly accepted.
 */
public final class CertificationDeliberation {

    static final int MAX_JUSTIFICATION = 4000;
    /** Problems of the exception list reported at once; the rest are counted. */
    static final int MAX_PROBLEMS = 10;

    /** A member of the campaign's jury pool. */
    public record PoolMember(String userId, String displayName, String organisation, boolean president) {
    }

    /** A line of the exception list as submitted (its number in the list, from 1): each value as typed, possibly blank. */
    public record ExceptionLine(int line, String candidateNumber, String decision, String justification) {
    }

    /** The most a list of exceptions holds: what the engine keeps of a text variable. */
    public static final int MAX_EXCEPTIONS_TEXT = 4000;

    /**
     * The exception list as typed in the form: one line per candidate, « numéro ; décision ; justification » (a tab,
     * as a spreadsheet pastes, also separates); the justification may itself contain semicolons. Blank lines are
     * skipped but counted, so that problems name the line the jury sees.
     */
    public static List<ExceptionLine> lines(String text) {
        List<ExceptionLine> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        if (text.length() > MAX_EXCEPTIONS_TEXT) {
            throw new RefusedException("La liste des décisions différentes dépasse " + MAX_EXCEPTIONS_TEXT + " caractères : "
                    + "abrégez les justifications.");
        }
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String[] parts = rows[i].split("[;\\t]", 3);
            lines.add(new ExceptionLine(i + 1, parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null));
        }
        return lines;
    }

    /** What the jury submitted. */
    public record Sitting(String chair, List<String> designated, List<String> present, List<ExceptionLine> exceptions,
            boolean confirmed) {
    }

    /** A decision other than the proposal, with its justification. */
    public record Derogation(String decision, String justification) {
    }

    /**
     * The jury that sat, the chair first, and the derogations by candidate number.
     */
    public record Outcome(List<CertificationJury.Member> members, Map<String, Derogation> derogations) {
    }

    private CertificationDeliberation() {
    }

    /**
     * @param proposals each candidate's proposed decision by candidate number
     * @throws RefusedException with every problem found, in French
     */
    public static Outcome check(CertificationJuryPolicy policy, List<PoolMember> pool, Map<String, String> proposals,
            Sitting sitting) {
        List<CertificationJury.Member> members = jury(policy, pool, sitting);
        Map<String, Derogation> derogations = derogations(proposals, sitting.exceptions());
        if (!sitting.confirmed()) {
            throw new RefusedException("Cochez la case qui confirme les décisions proposées pour les autres candidats.");
        }
        return new Outcome(members, derogations);
    }

    private static List<CertificationJury.Member> jury(CertificationJuryPolicy policy, List<PoolMember> pool, Sitting sitting) {
        Map<String, PoolMember> byId = new LinkedHashMap<>();
        pool.forEach(member -> byId.put(member.userId(), member));
        PoolMember chair = byId.get(sitting.chair());
        if (chair == null || !chair.president()) {
            throw new RefusedException("Selon le " + policy.source() + ", le jury de certification est présidé par "
                    + policy.chair() + " : " + sitting.chair() + " n'en est pas un.");
        }
        Set<String> designated = new LinkedHashSet<>();
        designated.add(chair.userId());
        designated.addAll(ids(sitting.designated()));
        Set<String> present = new LinkedHashSet<>();
        present.add(chair.userId());
        present.addAll(ids(sitting.present()));
        for (String id : designated) {
            if (!byId.containsKey(id)) {
                throw new RefusedException("« " + id + " » n'est pas membre du jury de cette campagne : les membres du jury "
                        + "de certification sont choisis dans le jury de la campagne.");
            }
        }
        for (String id : present) {
            if (!designated.contains(id)) {
                throw new RefusedException("« " + id + " » est indiqué présent sans avoir été désigné membre du jury de certification.");
            }
        }
        if (designated.size() < policy.minimumMembers()) {
            throw new RefusedException("Le jury de certification désigné compte " + designated.size() + " membre(s), président "
                    + "compris : le " + policy.source() + " en exige au moins " + policy.minimumMembers() + ".");
        }
        if (present.size() < policy.quorum()) {
            throw new RefusedException("Quorum non atteint : " + present.size() + " membre(s) présent(s) sur " + designated.size()
                    + " désigné(s), le " + policy.source() + " en exige " + policy.quorum() + ". Aucune décision n'est "
                    + "enregistrée : le jury délibère quand le quorum est réuni.");
        }
        List<CertificationJury.Member> members = new ArrayList<>();
        for (String id : designated) {
            PoolMember member = byId.get(id);
            members.add(new CertificationJury.Member(id, member.displayName(), member.organisation(), member.president(),
                    present.contains(id)));
        }
        return members;
    }

    private static List<String> ids(List<String> submitted) {
        return submitted == null ? List.of() : submitted.stream().filter(Objects::nonNull).map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
    }

    private static Map<String, Derogation> derogations(Map<String, String> proposals, List<ExceptionLine> exceptions) {
        Map<String, Derogation> derogations = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ExceptionLine exception : exceptions) {
            int line = exception.line();
            String number = blankToNull(exception.candidateNumber());
            String decision = blankToNull(exception.decision());
            String justification = blankToNull(exception.justification());
            if (number == null && decision == null && justification == null) {
                continue;
            }
            String where = "Ligne " + line + (number == null ? "" : " (candidat « " + number + " »)") + " : ";
            if (number == null) {
                problems.add(where + "indiquez le numéro du candidat.");
                continue;
            }
            String proposed = proposals.get(number);
            if (proposed == null) {
                problems.add(where + "aucun candidat de cette session ne porte ce numéro.");
                continue;
            }
            if (lineOf.containsKey(number)) {
                problems.add(where + "ce candidat figure déjà ligne " + lineOf.get(number) + ".");
                continue;
            }
            lineOf.put(number, line);
            String code = decisionCode(decision);
            if (code == null) {
                problems.add(where + (decision == null ? "indiquez la décision du jury après le numéro"
                        : "décision « " + decision + " » inconnue") + " (« Délivrée » ou « Non délivrée »).");
                continue;
            }
            if (code.equals(proposed)) {
                problems.add(where + "« " + label(code) + " » est la décision proposée : cette liste ne tient que les "
                        + "décisions différentes, retirez la ligne pour confirmer la proposition.");
                continue;
            }
            if (justification == null) {
                problems.add(where + "le jury décide « " + label(code) + " » au lieu de « " + label(proposed)
                        + " » : une justification écrite est obligatoire.");
                continue;
            }
            if (justification.length() > MAX_JUSTIFICATION) {
                problems.add(where + "la justification dépasse " + MAX_JUSTIFICATION + " caractères.");
                continue;
            }
            derogations.put(number, new Derogation(code, justification));
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(String.join("\n", problems.subList(0, Math.min(MAX_PROBLEMS, problems.size()))));
            if (problems.size() > MAX_PROBLEMS) {
                message.append("\n… et ").append(problems.size() - MAX_PROBLEMS).append(" autre(s) problème(s).");
            }
            throw new RefusedException(message.toString());
        }
        return derogations;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** DELIVREE or NON_DELIVREE from a code or a French label, whatever its case and accents; null otherwise. */
    static String decisionCode(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = Normalizer.normalize(typed, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[_\\s-]+", " ").strip();
        return switch (plain) {
            case "delivree" -> Decision.DELIVREE.code();
            case "non delivree" -> Decision.NON_DELIVREE.code();
            default -> null;
        };
    }

    /** « Délivrée » or « Non délivrée », as the jury reads a certification decision. */
    public static String label(String code) {
        if (code == null) {
            return "—";
        }
        if (Decision.DELIVREE.is(code)) {
            return "Délivrée";
        }
        return Decision.NON_DELIVREE.is(code) ? "Non délivrée" : code;
    }
}
