package fr.certiflow.process;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed view of the process variables that an execution or a task sees ({@link VariableScope}): the glue reads
 * {@code ProcessVariables.of(execution).campaignId()} rather than casting what {@code getVariable} returns. Ids are
 * stored as the engine likes (Integer or Long, as the starter gave them) and read back as {@code long}.
 */
public final class ProcessVariables {

    private final VariableScope scope;
    private final boolean local;

    private ProcessVariables(VariableScope scope, boolean local) {
        this.scope = scope;
        this.local = local;
    }

    /** The variables the scope sees, its own and its parents'. */
    public static ProcessVariables of(VariableScope scope) {
        return new ProcessVariables(scope, false);
    }

    /** The scope's own variables only (a task's form fields, for instance). */
    public static ProcessVariables local(VariableScope scope) {
        return new ProcessVariables(scope, true);
    }

    public long campaignId() {
        return requiredLong(Variables.CAMPAIGN_ID);
    }

    public long candidateId() {
        return requiredLong(Variables.CANDIDATE_ID);
    }

    public long productionId() {
        return requiredLong(Variables.PRODUCTION_ID);
    }

    /** In a sitting's multi-instance step, the member's production the step is for; empty outside such a step. */
    public Optional<Long> memberProductionId() {
        return optionalLong(Variables.MEMBER_PRODUCTION_ID);
    }

    public String campaignCode() {
        return string(Variables.CAMPAIGN_CODE).orElse(null);
    }

    public String candidateNumber() {
        return string(Variables.CANDIDATE_NUMBER).orElse(null);
    }

    public String blocCode() {
        return string(Variables.BLOC_CODE).orElse(null);
    }

    public String componentCode() {
        return string(Variables.COMPONENT_CODE).orElse(null);
    }

    /** The attempt at a bloc or a composante: 1 unless a resit set it. */
    public int attempt() {
        return optionalInt(Variables.ATTEMPT).orElse(1);
    }

    public int maxAttempts() {
        return optionalInt(Variables.MAX_ATTEMPTS)
                .orElseThrow(() -> new IllegalStateException("Process variable " + Variables.MAX_ATTEMPTS + " is missing"));
    }

    public Optional<String> componentResult() {
        return string(Variables.COMPONENT_RESULT);
    }

    public Optional<String> proposedResult() {
        return string(Variables.PROPOSED_RESULT);
    }

    public Optional<String> returnReason() {
        return string(Variables.RETURN_REASON);
    }

    public Optional<Instant> oralAt() {
        return instant(Variables.ORAL_AT);
    }

    /** A text variable; empty when it is missing. */
    public Optional<String> string(String name) {
        Object value = value(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalStateException("Process variable " + name + " is no text: " + value.getClass().getSimpleName());
        }
        return Optional.ofNullable((String) value);
    }

    /** A number read as a long; empty when it is missing. */
    public Optional<Long> optionalLong(String name) {
        return Optional.ofNullable(value(name)).map(value -> asLong(name, value));
    }

    public Optional<Integer> optionalInt(String name) {
        return optionalLong(name).map(Math::toIntExact);
    }

    /** A number read as a long, which the step cannot do without. */
    public long requiredLong(String name) {
        return optionalLong(name).orElseThrow(() -> new IllegalStateException("Process variable " + name + " is missing"));
    }

    public Optional<Instant> instant(String name) {
        Object value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        throw new IllegalStateException("Process variable " + name + " is no date: " + value.getClass().getSimpleName());
    }

    /** What a variable holding an id or a count gives, read as a long (from the runtime service, for instance). */
    public static long asLong(String name, Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("Process variable " + name + " is no number: "
                + (value == null ? "missing" : value.getClass().getSimpleName()));
    }

    private Object value(String name) {
        return local ? scope.getVariableLocal(name) : scope.getVariable(name);
    }
}
