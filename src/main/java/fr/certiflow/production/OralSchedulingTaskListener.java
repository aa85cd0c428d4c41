package fr.certiflow.production;

import fr.certiflow.process.ProcessException;
import fr.certiflow.process.Variables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reads the oral defense's date and place from the scheduling form; the process waits for that date. */
@Component("oralSchedulingTaskListener")
public class OralSchedulingTaskListener implements TaskListener {

    public static final String ORAL_DATE = "oralDate";
    public static final String ORAL_PLACE = "oralPlace";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ProductionContexts contexts;
    private final Clock clock;

    OralSchedulingTaskListener(ProductionContexts contexts, Clock clock) {
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Instant at = parse(task.getVariable(ORAL_DATE));
        if (!at.isAfter(clock.instant())) {
            throw new ProcessException("La date de soutenance doit être dans le futur.");
        }
        Object place = task.getVariable(ORAL_PLACE);
        if (!(place instanceof String text) || text.isBlank()) {
            throw new ProcessException("Indiquez le lieu ou le lien de la soutenance.");
        }
        contexts.production(task).oralScheduled(at, text.strip());
        task.getExecution().setVariable(Variables.ORAL_AT, Date.from(at));
    }

    /** Accepts a Date, an ISO date-time with or without offset (Paris time then), as the form's datetime field sends. */
    static Instant parse(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(PARIS).toInstant();
                } catch (DateTimeParseException e) {
                    throw new ProcessException("Date de soutenance illisible : « " + text + " ».");
                }
            }
        }
        throw new ProcessException("Indiquez la date et l'heure de la soutenance.");
    }
}
