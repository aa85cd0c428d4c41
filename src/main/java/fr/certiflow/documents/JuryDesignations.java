package fr.certiflow.documents;

import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryDerogation;
import fr.certiflow.jury.Juror;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** How a production's jury was designated, and any derogation to the rules, as the jury's documents say it. */
final class JuryDesignations {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private JuryDesignations() {
    }

    /**
     * « Jury : Juré Un, Juré Deux — désigné par la règle d'affectation », or « par un coordinateur »: names where people
     * read (the login only for a juror without a name).
     *
     * @param jurors the campaign's jurors by user id, for their names
     */
    static String jury(List<JuryAssignment> assignments, Map<String, Juror> jurors) {
        if (assignments.isEmpty()) {
            return "Jury : pas encore désigné";
        }
        StringBuilder text = new StringBuilder("Jury : ");
        for (int i = 0; i < assignments.size(); i++) {
            String userId = assignments.get(i).getJurorUserId();
            Juror juror = jurors.get(userId);
            text.append(i == 0 ? "" : ", ").append(juror == null || juror.getDisplayName() == null ? userId : juror.getDisplayName());
        }
        boolean manual = assignments.stream().anyMatch(JuryAssignment::isManual);
        return text.append(manual ? " — désigné par un coordinateur" : " — désigné par la règle d'affectation").toString();
    }

    /** The derogation: the rules set aside, the written reason, who and when (dd/MM/yyyy, Paris). */
    static String derogation(JuryDerogation derogation) {
        return derogation(derogation, Function.identity());
    }

    /** The derogation, who decided it shown as {@code names} gives it. */
    static String derogation(JuryDerogation derogation, Function<String, String> names) {
        return "Dérogation au " + derogation.getSource() + " : " + String.join(" ; ", derogation.breaches())
                + " — motif : " + derogation.getReason() + " — " + names.apply(derogation.getDecidedBy()) + ", le "
                + DAY.format(derogation.getDecidedAt());
    }
}
