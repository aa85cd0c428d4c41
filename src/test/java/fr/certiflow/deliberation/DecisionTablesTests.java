package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables of processes/, evaluated by Camunda's DMN engine as the processes do. */
@Tag("unit")
class DecisionTablesTests {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest(name = "{0} % acquired, minimum {1} %, required acquired {2} -> {3}")
    @CsvSource({"100.0, 100, true, VALIDE", "75.0, 100, true, NON_VALIDE", "0.0, 100, true, NON_VALIDE",
            "75.0, 75, true, VALIDE", "66.66, 75, true, NON_VALIDE", "100.0, 75, false, NON_VALIDE",
            "80.0, 75, false, NON_VALIDE"})
    void aComponentIsValidatedWhenTheReglementsShareIsReachedAndItsRequiredCriteriaAcquired(double acquired,
            int minimum, boolean required, String expected) throws IOException {
        Object result = evaluate("component-result.dmn", "ComponentResult", Map.of("acquiredPercent", acquired,
                "minimumAcquiredPercent", minimum, "requiredCriteriaAcquired", required, "componentCode", "A.1"));
        assertThat(result).isEqualTo(expected);
    }

    /** Minimum 2 of 2: mmdc-v1-r2's « all »; minimum 1: the fixture's one composante out of two suffices. */
    @ParameterizedTest(name = "{0} validated, {1} absent of {2}, minimum {3} -> {4}")
    @CsvSource({"2, 0, 2, 2, VALIDE", "1, 0, 2, 2, NON_VALIDE", "1, 1, 2, 2, NON_VALIDE", "0, 2, 2, 2, ABSENT",
            "0, 1, 1, 1, ABSENT", "0, 0, 1, 1, NON_VALIDE",
            "1, 0, 2, 1, VALIDE", "1, 1, 2, 1, VALIDE", "2, 0, 2, 1, VALIDE", "0, 2, 2, 1, ABSENT", "0, 1, 2, 1, NON_VALIDE",
            "2, 0, 3, 2, VALIDE", "1, 2, 3, 2, NON_VALIDE"})
    void theProposedBlocResultReachesTheReglementsMinimum(int validated, int absent, int components, int minimum,
            String expected) throws IOException {
        Object result = evaluate("bloc-result.dmn", "BlocResult", Map.of("validatedCount", validated, "absentCount",
                absent, "componentsCount", components, "minimumValidatedComponents", minimum));
        assertThat(result).isEqualTo(expected);
    }

    /** Minimum 3 of 3: mmdc-v1-r2's « all »; minimum 2: a règlement awarding it with two blocs out of three. */
    @ParameterizedTest(name = "{0} of {1} blocs, minimum {2} -> {3}")
    @CsvSource({"3, 3, 3, DELIVREE", "2, 3, 3, NON_DELIVREE", "0, 3, 3, NON_DELIVREE",
            "2, 3, 2, DELIVREE", "3, 3, 2, DELIVREE", "1, 3, 2, NON_DELIVREE"})
    void theCertificationIsAwardedWhenTheReglementsNumberOfBlocsIsAcquired(int acquired, int blocs, int minimum,
            String expected) throws IOException {
        Object result = evaluate("certification-result.dmn", "CertificationResult",
                Map.of("acquiredBlocsCount", acquired, "blocsCount", blocs, "minimumAcquiredBlocs", minimum));
        assertThat(result).isEqualTo(expected);
    }

    private static Object evaluate(String file, String decisionKey, Map<String, Object> variables) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
            DmnDecision decision = DMN.parseDecision(decisionKey, in);
            return DMN.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
        }
    }
}
