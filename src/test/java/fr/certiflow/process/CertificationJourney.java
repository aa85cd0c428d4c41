package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.CampaignStatus;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.notification.NotificationRepository;
import fr.certiflow.progress.CampaignProgress;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.stereotype.Component;

/**
 * Two candidates of one group through all three blocs: collective and individual productions, orals, the English
 * procurement case, deliberations, the certification jury, the minutes and the results. Run on H2 and on PostgreSQL.
 */
@Component
public class CertificationJourney {

    private final AssessmentFixture fixture;
    private final CampaignRepository campaigns;
    private final BlocResultRepository blocResults;
    private final NotificationRepository notifications;
    private final HistoryService history;
    private final ManagementService management;

    private final CampaignProgress progress;

    CertificationJourney(AssessmentFixture fixture, CampaignRepository campaigns, BlocResultRepository blocResults,
            NotificationRepository notifications, HistoryService history, ManagementService management,
            CampaignProgress progress) {
        this.progress = progress;
        this.fixture = fixture;
        this.campaigns = campaigns;
        this.blocResults = blocResults;
        this.notifications = notifications;
        this.history = history;
        this.management = management;
    }

    public void run() {
        run(fixture.campaign(c -> { }));
    }

    /** The same journey, unchanged, for a campaign under another règlement (every criterion acquired by every juror). */
    public Campaign run(fr.certiflow.regulation.Regulation regulation) {
        Campaign campaign = fixture.campaign(regulation, c -> { });
        run(campaign);
        return campaign;
    }

    private void run(Campaign campaign) {
        fixture.standardJury(campaign);
        Candidate first = fixture.candidate(campaign, "2027-201", c -> c.setGroupCode("G1"));
        Candidate second = fixture.candidate(campaign, "2027-202", c -> c.setGroupCode("G1"));

        ProcessInstance process = fixture.launch(campaign);
        List<ProcessInstance> blocs = fixture.blocsOf(process);
        assertThat(blocs).hasSize(6);
        for (ProcessInstance bloc : blocs) {
            fixture.completeProductions(bloc, component -> "ACQUIS");
            fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "VALIDE"));
            BpmnAwareTests.assertThat(bloc).isEnded();
        }
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_CertificationJury");
        fixture.finishCampaign(process);

        BpmnAwareTests.assertThat(process).isEnded().hasPassed("Task_DrawUpMinutes", "Task_PublishResults");
        assertThat(fixture.decisionOf(campaign, first)).isEqualTo("DELIVREE");
        assertThat(fixture.decisionOf(campaign, second)).isEqualTo("DELIVREE");
        assertThat(campaigns.findById(campaign.getId()).orElseThrow().getStatus()).isEqualTo(CampaignStatus.RESULTS_PUBLISHED);
        assertThat(blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(campaign.getId()))
                .hasSize(6).allSatisfy(result -> assertThat(result.getDecision()).isEqualTo("VALIDE"));
        assertThat(notifications.findAll()).filteredOn(n -> n.getKind().equals("RESULT"))
                .extracting(n -> n.getRecipient())
                .contains("candidat2027-201@example.org", "candidat2027-202@example.org");
        // Each candidate's progress lists their convocations to the orals (A.1, A.2, A.3, A.5), the results of their three
        // blocs and the certification decision.
        assertThat(progress.of(campaign.getId()).candidates()).hasSize(2).allSatisfy(row -> assertThat(row.messages())
                .extracting(CampaignProgress.MessageProgress::kind)
                .containsExactlyInAnyOrder("CONVOCATION", "CONVOCATION", "CONVOCATION", "CONVOCATION", "BLOC_RESULT", "BLOC_RESULT",
                        "BLOC_RESULT", "RESULT"));
        // 2 candidates × 5 composantes, each assessed once; nothing left running, no incident.
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.PRODUCTION_ASSESSMENT)
                .variableValueEquals(Variables.CAMPAIGN_ID, campaign.getId()).count()).isEqualTo(10);
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(fixture.runtime.createIncidentQuery().count()).isZero();
    }
}
