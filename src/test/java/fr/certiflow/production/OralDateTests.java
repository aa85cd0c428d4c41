package fr.certiflow.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.errors.RefusedException;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The oral date as the coordinator types it in the scheduling form: JJ/MM/AAAA HH:MM, Paris time, to the minute. */
@Tag("unit")
class OralDateTests {

    @Test
    void aTypedDateIsParisTimeToTheMinuteWithNoRounding() {
        assertThat(OralSchedules.parse("15/03/2027 18:33")).isEqualTo(Instant.parse("2027-03-15T17:33:00Z"));
        assertThat(OralSchedules.parse(" 02/07/2027 09:07 ")).as("summer time")
                .isEqualTo(Instant.parse("2027-07-02T07:07:00Z"));
    }

    @Test
    void scriptsMaySendIsoDateTimes() {
        assertThat(OralSchedules.parse("2027-03-15T14:30")).isEqualTo(Instant.parse("2027-03-15T13:30:00Z"));
        assertThat(OralSchedules.parse("2027-03-15T14:30:00Z")).isEqualTo(Instant.parse("2027-03-15T14:30:00Z"));
    }

    @Test
    void aDateThatDoesNotExistIsRefusedNotMoved() {
        assertThatThrownBy(() -> OralSchedules.parse("31/02/2027 10:00")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("« 31/02/2027 10:00 »").hasMessageContaining("JJ/MM/AAAA HH:MM");
        assertThatThrownBy(() -> OralSchedules.parse("28/03/2027 02:30")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("n'existe pas à Paris");
    }

    @Test
    void anAmericanOrIncompleteDateIsRefusedWithTheExpectedFormat() {
        assertThatThrownBy(() -> OralSchedules.parse("03/15/2027 6:33 PM")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("illisible");
        assertThatThrownBy(() -> OralSchedules.parse("15/03/2027")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("par exemple 15/03/2027 14:30");
        assertThatThrownBy(() -> OralSchedules.parse("  ")).isInstanceOf(RefusedException.class)
                .hasMessageContaining("Indiquez la date et l'heure de la soutenance");
    }
}
