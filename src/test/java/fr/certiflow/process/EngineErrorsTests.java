package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.errors.RefusedException;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Domain errors as the engine sees them: form refusals with the French message, modelled BPMN errors, incidents. */
@Tag("unit")
class EngineErrorsTests {

    @Test
    void aDomainErrorInAFormRefusesTheSubmissionWithItsFrenchMessage() {
        assertThatThrownBy(() -> EngineErrors.forForm(() -> {
            throw new ConflictException("La campagne DEMO est déjà lancée.");
        })).isExactlyInstanceOf(ProcessException.class).hasMessage("La campagne DEMO est déjà lancée.");
    }

    @Test
    void withAContextTheRefusalListsEveryReasonAfterIt() {
        RefusedException refused = new RefusedException(RefusedException.Reason.INVALID, null, "2 problème(s) dans la demande.",
                List.of("code obligatoire", "opensAt ne peut pas précéder aujourd'hui"));
        assertThatThrownBy(() -> EngineErrors.forForm("La campagne ne peut pas être créée", () -> {
            throw refused;
        })).isExactlyInstanceOf(ProcessException.class)
                .hasMessage("La campagne ne peut pas être créée : code obligatoire ; opensAt ne peut pas précéder aujourd'hui");
        assertThatThrownBy(() -> EngineErrors.forForm("La campagne ne peut pas être créée", () -> {
            throw new ConflictException("Une campagne de code « X » existe déjà.");
        })).hasMessage("La campagne ne peut pas être créée : Une campagne de code « X » existe déjà.");
    }

    @Test
    void aFormCallThatSucceedsReturnsItsValue() {
        assertThat(EngineErrors.forForm("contexte", () -> 42)).isEqualTo(42);
    }

    @Test
    void theDomainErrorTheBpmnModelsBecomesItsBpmnErrorAndAnyOtherGoesOnAsAnIncident() {
        class NoJury extends ConflictException {
            NoJury() {
                super("Aucun jury possible");
            }
        }
        assertThatThrownBy(() -> EngineErrors.forDelegate(NoJury.class, "NO_JURY", () -> {
            throw new NoJury();
        })).isInstanceOfSatisfying(BpmnError.class, error -> {
            assertThat(error.getErrorCode()).isEqualTo("NO_JURY");
            assertThat(error.getMessage()).isEqualTo("Aucun jury possible");
        });
        NotFoundException unmodelled = new NotFoundException("Aucune production n° 7.");
        assertThatThrownBy(() -> EngineErrors.forDelegate(NoJury.class, "NO_JURY", () -> {
            throw unmodelled;
        })).isSameAs(unmodelled);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> EngineErrors.forDelegate(NoJury.class, "NO_JURY", () -> {
            throw bug;
        })).isSameAs(bug);
    }
}
