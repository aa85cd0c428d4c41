package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile gives a newcomer one user of each role, each logging in with its id as password. */
@SpringBootTest(properties = "certiflow.admin.password=admin")
@ActiveProfiles({"test", "demo"})
@Tag("application")
class DemoProfileTests {

    @Autowired
    IdentityService identity;

    @ParameterizedTest
    @CsvSource({
            "admin, admins",
            "admin, camunda-admin",
            "coordo, coordinators",
            "jure1, jurors",
            "jure2, jurors",
            "jure3, jurors",
            "president, jury-presidents",
            "manager, managers"})
    void eachDemoUserLogsInWithItsIdAndBelongsToItsGroup(String user, String group) {
        assertThat(identity.checkPassword(user, user)).as("password of %s", user).isTrue();
        assertThat(identity.createUserQuery().userId(user).memberOfGroup(group).count()).isEqualTo(1);
    }

    @Test
    void onlyTheAdministratorIsACamundaAdministrator() {
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list())
                .extracting(user -> user.getId()).containsExactly("admin");
    }

    @Test
    void aDemoCampaignIsLaunchedWithTheCohortANewcomerNeeds(@Autowired fr.certiflow.campaign.CampaignRepository campaigns,
            @Autowired fr.certiflow.campaign.CandidateRepository candidates,
            @Autowired org.camunda.bpm.engine.RuntimeService runtime) {
        var campaign = campaigns.findByCode("DEMO-2027").orElseThrow();
        assertThat(campaign.getStatus()).isEqualTo(fr.certiflow.campaign.CampaignStatus.LAUNCHED);
        var cohort = candidates.findByCampaignIdOrderByNumber(campaign.getId());
        assertThat(cohort).hasSize(12);
        assertThat(cohort).extracting(fr.certiflow.campaign.Candidate::getGroupCode).containsOnly("G1", "G2", null)
                .filteredOn(java.util.Objects::nonNull).hasSize(6);
        assertThat(cohort).filteredOn(c -> c.getAccommodation() == fr.certiflow.campaign.Accommodation.TIERS_TEMPS).hasSize(1);
        assertThat(cohort).filteredOn(c -> c.getPathway() == fr.certiflow.campaign.Pathway.VAE).hasSize(1);
        assertThat(cohort).filteredOn(c -> c.getAcquiredBlocs().containsKey("BC1")).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("CampaignProcess")
                .processInstanceBusinessKey("DEMO-2027").count()).isEqualTo(1);
    }

    @Test
    void jure3IsTheEnglishQualifiedJuror() {
        assertThat(identity.getUserInfo("jure3", IdentityBootstrap.ENGLISH_QUALIFIED)).isEqualTo("true");
        assertThat(identity.getUserInfo("jure1", IdentityBootstrap.ENGLISH_QUALIFIED)).isNull();
    }
}
