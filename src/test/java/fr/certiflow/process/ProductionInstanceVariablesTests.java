package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The contract of what a manager reads in Cockpit on a production instance: its own variables (process instance
 * scope) are the few that describe it or that its steps need, by name; users' answers stay on their tasks, and the
 * decision table's inputs leave only the share acquired behind. A new instance variable must be added here on purpose.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class ProductionInstanceVariablesTests {

    /** Who and what: campaign, candidate and their route (formation or VAE), bloc, composante, attempt, the production's row. */
    static final List<String> IDENTITY = List.of("campaignId", "campaignCode", "campaignName", "candidateId",
            "candidateNumber", "candidateLabel", "route", "blocCode", "componentCode", "componentLabel", "attempt", "productionId");
    /**
     * What the steps need: timers, routing (whether the composante is assessed at a group's sitting), the forms of the
     * composante under the campaign's règlement.
     */
    static final List<String> SETTINGS = List.of("submissionDeadline", "reminderAt", "evaluationDue", "englishRequired",
            "oral", "groupSitting", "evaluationFormId", "harmonisationFormId");
    /** The decisions so far. */
    static final List<String> WHILE_HARMONISING = List.of("admissibility", "jurorsAgree");
    static final List<String> AT_THE_END = List.of("admissibility", "jurorsAgree", "acquiredPercent", "componentResult");

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    Campaign campaign;
    Candidate candidate;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> c.setReminderDays(7));
        fixture.standardJury(campaign);
        candidate = fixture.candidate(campaign, "2027-071");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aProductionInstanceKeepsOnlyTheVariablesThatDescribeIt() {
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC3");
        ProcessInstance production = fixture.productionsOf(bloc).stream()
                .filter(instance -> "A.4".equals(runtime.getVariable(instance.getId(), Variables.COMPONENT_CODE)))
                .findFirst().orElseThrow();
        fixture.submitAll(fixture.productionId(production), "A.4", AssessmentFixture.FRENCH);
        fixture.admissible(production);
        fixture.evaluateAll(production, "A.4", 4,
                (juror, key) -> juror.equals("jure2") && key.endsWith("CR1") ? "NON_ACQUIS" : "ACQUIS");
        BpmnAwareTests.assertThat(production).isWaitingAt("Task_Harmonise");

        List<VariableInstance> running = runtime.createVariableInstanceQuery().processInstanceIdIn(production.getId()).list();
        assertThat(running.stream().filter(variable -> onTheInstance(variable.getExecutionId(), variable.getTaskId(), production))
                .map(VariableInstance::getName))
                .containsExactlyInAnyOrderElementsOf(concat(IDENTITY, SETTINGS, WHILE_HARMONISING));
        // The president's task holds the agreed ratings it shows pre-filled, and no empty copy of the others.
        assertThat(running).filteredOn(variable -> variable.getTaskId() != null)
                .noneMatch(variable -> variable.getTypedValue().getType() == ValueType.NULL)
                .extracting(VariableInstance::getName).contains("A4_CR2_agreed").doesNotContain("A4_CR1_agreed", "harmonisationComment");

        Task harmonise = fixture.task(production, "Task_Harmonise");
        fixture.submit(harmonise, "president", Map.of("A4_CR1_agreed", "NON_ACQUIS",
                "harmonisationComment", "L'équipe-projet n'est pas décrite."));
        BpmnAwareTests.assertThat(production).isEnded();

        List<HistoricVariableInstance> recorded = history.createHistoricVariableInstanceQuery()
                .processInstanceId(production.getId()).list();
        assertThat(recorded.stream().filter(variable -> onTheInstance(variable.getExecutionId(), variable.getTaskId(), production))
                .map(HistoricVariableInstance::getName))
                .containsExactlyInAnyOrderElementsOf(concat(IDENTITY, SETTINGS, AT_THE_END));
        // The jurors' and the president's answers were recorded on their tasks only; the table's other inputs nowhere.
        assertThat(recorded).filteredOn(variable -> variable.getName().matches("A4_CR\\d_(rating|comment|remark|indicators|agreed)"))
                .isNotEmpty().allMatch(variable -> variable.getTaskId() != null);
        assertThat(recorded).extracting(HistoricVariableInstance::getName)
                .doesNotContain("minimumAcquiredPercent", "requiredCriteriaAcquired", "languageCheckSummary", "returnReason");
    }

    private static boolean onTheInstance(String executionId, String taskId, ProcessInstance instance) {
        return taskId == null && instance.getId().equals(executionId);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
