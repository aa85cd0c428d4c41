package fr.certiflow.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.process.ProcessException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The oral date as the coordinator types it in the scheduling form: JJ/MM/AAAA HH:MM, Paris time, to the minute. */
class OralDateTests {

    @Test
    void aTypedDateIsParisTimeToTheMinuteWithNoRounding() {
        assertThat(OralSchedulingTaskListener.parse("15/03/2027 18:33")).isEqualTo(Instant.parse("2027-03-15T17:33:00Z"));
        assertThat(OralSchedulingTaskListener.parse(" 02/07/2027 09:07 ")).as("summer time")
                .isEqualTo(Instant.parse("2027-07-02T07:07:00Z"));
    }

    @Test
    void scriptsMaySendIsoDateTimes() {
        assertThat(OralSchedulingTaskListener.parse("2027-03-15T14:30")).isEqualTo(Instant.parse("2027-03-15T13:30:00Z"));
        assertThat(OralSchedulingTaskListener.parse("2027-03-15T14:30:00Z")).isEqualTo(Instant.parse("2027-03-15T14:30:00Z"));
    }

    @Test
    void aDateThatDoesNotExistIsRefusedNotMoved() {
        assertThatThrownBy(() -> OralSchedulingTaskListener.parse("31/02/2027 10:00")).isInstanceOf(ProcessException.class)
                .hasMessageContaining("« 31/02/2027 10:00 »").hasMessageContaining("JJ/MM/AAAA HH:MM");
        assertThatThrownBy(() -> OralSchedulingTaskListener.parse("28/03/2027 02:30")).isInstanceOf(ProcessException.class)
                .hasMessageContaining("n'existe pas à Paris");
    }

    @Test
    void anAmericanOrIncompleteDateIsRefusedWithTheExpectedFormat() {
        assertThatThrownBy(() -> OralSchedulingTaskListener.parse("03/15/2027 6:33 PM")).isInstanceOf(ProcessException.class)
                .hasMessageContaining("illisible");
        assertThatThrownBy(() -> OralSchedulingTaskListener.parse("15/03/2027")).isInstanceOf(ProcessException.class)
                .hasMessageContaining("par exemple 15/03/2027 14:30");
        assertThatThrownBy(() -> OralSchedulingTaskListener.parse("  ")).isInstanceOf(ProcessException.class)
                .hasMessageContaining("Indiquez la date et l'heure de la soutenance");
    }
}
