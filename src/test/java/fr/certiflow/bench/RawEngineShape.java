package fr.certiflow.bench;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;
import org.camunda.bpm.model.bpmn.builder.ManualTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

/**
 * The shape of Certiflow's launch with nothing of Certiflow in it, built with the Camunda model API: a campaign
 * process whose asynchronous multi-instance call activity starts one bloc instance per candidate × bloc; each bloc
 * instance's asynchronous multi-instance call activity starts its composantes' production instances; each production
 * instance opens in an asynchronous step and waits at a receive task with two timer boundary events (deadline,
 * reminder), as Certiflow's does. Instances carry as many process variables as Certiflow's: passed by {@code in}
 * mappings (as many as Certiflow's call activities map), the rest set by the opening step (output parameters, where
 * Certiflow's glue sets them), and each inner instance of a multi-instance a local variable where Certiflow's has its
 * element variable.
 */
final class RawEngineShape {

    static final String CAMPAIGN = "RawCampaign";
    static final String BLOC = "RawBloc";
    static final String PRODUCTION = "RawProduction";
    static final String WAIT_STATE = "Raw_AwaitSubmission";
    static final String FAR_FUTURE = "2099-01-01T00:00:00";

    private RawEngineShape() {
    }

    /**
     * @param blocInstances bloc instances to start (candidates × blocs)
     * @param childrenPerBloc production instances of each bloc, in the order blocs repeat for each candidate
     * @param blocVariables process variables of a bloc instance (all passed by in mappings, as Certiflow's)
     * @param productionInMappings variables Certiflow's bloc passes to a production instance
     * @param productionVariables process variables of a production instance at its wait state
     */
    static List<BpmnModelInstance> models(int blocInstances, List<Integer> childrenPerBloc, int blocVariables,
            int productionInMappings, int productionVariables) {
        return models(blocInstances, childrenPerBloc, blocVariables, productionInMappings, productionVariables, true);
    }

    /**
     * @param exclusive false makes the campaign's jobs that start bloc instances non-exclusive: the job executor then
     *        runs them in parallel instead of one at a time for the one campaign instance (an experiment; Certiflow's
     *        are exclusive, the engine's default)
     */
    static List<BpmnModelInstance> models(int blocInstances, List<Integer> childrenPerBloc, int blocVariables,
            int productionInMappings, int productionVariables, boolean exclusive) {
        List<String> blocNames = new ArrayList<>(List.of("blocIndex", "campaignCode", "campaignId", "campaignName"));
        for (int i = blocNames.size(); i < blocVariables; i++) {
            blocNames.add("b" + i);
        }
        blocNames = blocNames.subList(0, Math.max(1, blocVariables));

        CallActivityBuilder blocs = Bpmn.createExecutableProcess(CAMPAIGN).camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Raw_AssessBlocs").calledElement(BLOC).camundaAsyncBefore()
                .camundaInBusinessKey("${campaignCode}/${loopCounter}")
                // where Certiflow's multi-instance has its element variable, local to each inner instance
                .camundaInputParameter("assessment", "candidate|bloc");
        blocs.multiInstance().parallel().cardinality("${" + blocInstances + "}").camundaAsyncBefore();
        BpmnModelInstance campaign = blocs.endEvent().done();
        if (!exclusive) {
            campaign.getModelElementsByType(MultiInstanceLoopCharacteristics.class)
                    .forEach(loop -> loop.setCamundaExclusive(false));
        }
        for (String name : blocNames) {
            switch (name) {
                case "blocIndex" -> in(campaign, "Raw_AssessBlocs", null, "${loopCounter % " + childrenPerBloc.size() + "}", name);
                case "campaignCode", "campaignId", "campaignName" -> in(campaign, "Raw_AssessBlocs", name, null, name);
                default -> in(campaign, "Raw_AssessBlocs", null, "${loopCounter}", name);
            }
        }

        // ${blocIndex == 0 ? 2 : (blocIndex == 1 ? 1 : 2)} for the seed's blocs of 2, 1 and 2 composantes
        StringBuilder cardinality = new StringBuilder();
        for (int i = 0; i < childrenPerBloc.size() - 1; i++) {
            cardinality.append("blocIndex == ").append(i).append(" ? ").append(childrenPerBloc.get(i)).append(" : (");
        }
        cardinality.append(childrenPerBloc.get(childrenPerBloc.size() - 1)).append(")".repeat(childrenPerBloc.size() - 1));
        CallActivityBuilder productions = Bpmn.createExecutableProcess(BLOC).camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Raw_AssessComponents").calledElement(PRODUCTION)
                .camundaInBusinessKey("${campaignCode}/${blocIndex}/${loopCounter}")
                .camundaInputParameter("componentCode", "A.0");
        productions.multiInstance().parallel().cardinality("${" + cardinality + "}").camundaAsyncBefore();
        BpmnModelInstance bloc = productions.endEvent().done();
        int passed = Math.max(0, Math.min(productionInMappings, productionVariables) - 1);
        for (String name : blocNames.subList(0, Math.min(passed, blocNames.size()))) {
            in(bloc, "Raw_AssessComponents", name, null, name);
        }
        for (int i = blocNames.size(); i < passed; i++) {
            in(bloc, "Raw_AssessComponents", null, "${loopCounter}", "c" + i);
        }
        in(bloc, "Raw_AssessComponents", null, "${loopCounter}", "componentIndex");

        ManualTaskBuilder open = Bpmn.createExecutableProcess(PRODUCTION).camundaHistoryTimeToLive(1)
                .startEvent()
                .manualTask("Raw_OpenProduction").camundaAsyncBefore();
        for (int i = passed + 1; i < productionVariables; i++) {
            open.camundaOutputParameter("p" + i, "value " + i);
        }
        BpmnModelInstance production = open.receiveTask(WAIT_STATE).message("RawSubmitted")
                .endEvent()
                .moveToActivity(WAIT_STATE).boundaryEvent("Raw_Deadline").timerWithDate(FAR_FUTURE).endEvent()
                .moveToActivity(WAIT_STATE).boundaryEvent("Raw_Reminder").cancelActivity(false).timerWithDate(FAR_FUTURE)
                .endEvent()
                .done();
        return List.of(campaign, bloc, production);
    }

    private static void in(BpmnModelInstance model, String callActivityId, String source, String sourceExpression, String target) {
        CallActivity callActivity = model.getModelElementById(callActivityId);
        ExtensionElements extensions = callActivity.getExtensionElements();
        if (extensions == null) {
            extensions = model.newInstance(ExtensionElements.class);
            callActivity.setExtensionElements(extensions);
        }
        CamundaIn in = model.newInstance(CamundaIn.class);
        if (source != null) {
            in.setCamundaSource(source);
        } else {
            in.setCamundaSourceExpression(sourceExpression);
        }
        in.setCamundaTarget(target);
        extensions.addChildElement(in);
    }
}
