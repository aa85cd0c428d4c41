package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The typed view reads what the engine stores (Integer or Long ids, Dates) as the glue needs it, without casts. */
@Tag("unit")
class ProcessVariablesTests {

    private final DelegateTask task = mock(DelegateTask.class);

    @Test
    void idsStoredAsIntegersOrLongsAreReadAsLongs() {
        when(task.getVariable(Variables.CAMPAIGN_ID)).thenReturn(7);
        when(task.getVariable(Variables.CANDIDATE_ID)).thenReturn(12L);
        when(task.getVariable(Variables.MEMBER_PRODUCTION_ID)).thenReturn(null);

        ProcessVariables variables = ProcessVariables.of(task);

        assertThat(variables.campaignId()).isEqualTo(7L);
        assertThat(variables.candidateId()).isEqualTo(12L);
        assertThat(variables.memberProductionId()).isEmpty();
    }

    @Test
    void aMissingIdNamesTheVariable() {
        assertThatThrownBy(() -> ProcessVariables.of(task).productionId())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Variables.PRODUCTION_ID);
    }

    @Test
    void aTextWhereANumberIsExpectedIsRefusedByName() {
        when(task.getVariable(Variables.CAMPAIGN_ID)).thenReturn("7");

        assertThatThrownBy(() -> ProcessVariables.of(task).campaignId())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Variables.CAMPAIGN_ID).hasMessageContaining("String");
    }

    @Test
    void theFirstAttemptIsTheDefaultAndAResitSaysWhichOne() {
        assertThat(ProcessVariables.of(task).attempt()).isEqualTo(1);

        when(task.getVariable(Variables.ATTEMPT)).thenReturn(2);

        assertThat(ProcessVariables.of(task).attempt()).isEqualTo(2);
    }

    @Test
    void theOralDateIsReadAsAnInstant() {
        Instant at = Instant.parse("2026-06-15T09:30:00Z");
        when(task.getVariable(Variables.ORAL_AT)).thenReturn(Date.from(at));

        assertThat(ProcessVariables.of(task).oralAt()).contains(at);
    }

    @Test
    void theLocalViewReadsOnlyTheTasksOwnVariables() {
        when(task.getVariable(Variables.RETURN_REASON)).thenReturn("du parent");
        when(task.getVariableLocal(Variables.RETURN_REASON)).thenReturn("du formulaire");

        assertThat(ProcessVariables.local(task).returnReason()).contains("du formulaire");
        assertThat(ProcessVariables.of(task).returnReason()).contains("du parent");
        assertThat(ProcessVariables.local(task).componentResult()).isEmpty();
    }
}
