package fr.certiflow.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.identity.Groups;
import fr.certiflow.process.AssessmentFixture;
import fr.certiflow.tabular.ImportProblem;
import fr.certiflow.tabular.ImportRefusedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The jury pool import: Camunda users and memberships with the pool, all or nothing, idempotent. */
@SpringBootTest
@ActiveProfiles("test")
class JuryPoolImportTests {

    static final String HEADER = "Identifiant;Nom;Courriel;Organisation;Professionnel extérieur;Qualifié en anglais;Président de jury;Charge maximale;Conflits déclarés\n";

    @Autowired
    JuryPoolImport jury;
    @Autowired
    JurorRepository jurors;
    @Autowired
    IdentityService identity;
    @Autowired
    AssessmentFixture fixture;

    Campaign campaign;
    String prefix;

    @BeforeEach
    void setUp() {
        campaign = fixture.campaign(c -> { });
        prefix = "u" + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    JuryPoolImport.Result importCsv(String csv) {
        return jury.importFile(campaign.getId(), "jury.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void createsTheJurorsTheirCamundaUsersAndMemberships() {
        String csv = HEADER
                + prefix + ".dupont;Marie Dupont;marie@example.org;Cabinet Ouest;oui;non;non;12;\"2027-004; Agence Horizon\"\n"
                + prefix + ".lee;Ann Lee;ann@example.org;;non;oui;non;;\n"
                + prefix + ".chef;Paul Chef;paul@example.org;;oui;non;oui;5;\n";
        JuryPoolImport.Result result = importCsv(csv);

        assertThat(result).isEqualTo(new JuryPoolImport.Result(3, 0, 0, 3, 3));
        Juror dupont = jurors.findByCampaignIdAndUserId(campaign.getId(), prefix + ".dupont").orElseThrow();
        assertThat(dupont.isExternal()).isTrue();
        assertThat(dupont.getMaxLoad()).isEqualTo(12);
        assertThat(dupont.conflicts()).containsExactlyInAnyOrder("2027-004", "Agence Horizon");
        assertThat(jurors.findByCampaignIdAndUserId(campaign.getId(), prefix + ".lee").orElseThrow().getMaxLoad()).isEqualTo(20);
        assertThat(identity.createUserQuery().userId(prefix + ".dupont").singleResult().getLastName()).isEqualTo("Dupont");
        assertThat(identity.createUserQuery().memberOfGroup(Groups.JURORS).userIdIn(prefix + ".dupont", prefix + ".lee", prefix + ".chef").count()).isEqualTo(3);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.JURY_PRESIDENTS).userId(prefix + ".chef").count()).isEqualTo(1);

        assertThat(importCsv(csv)).isEqualTo(new JuryPoolImport.Result(0, 0, 3, 3, 0));
        assertThat(importCsv(csv.replace(";12;", ";15;"))).isEqualTo(new JuryPoolImport.Result(0, 1, 2, 3, 0));
    }

    @Test
    void anyProblemImportsNothingNotEvenAUser() {
        String csv = HEADER
                + prefix + ".ok;Marie Dupont;marie@example.org;;oui;non;non;12;\n"
                + prefix + ".ok;Autre;autre@example;;peut-être;non;non;zéro;\n"
                + ";Sans identifiant;;;oui;;;;\n";
        assertThatThrownBy(() -> importCsv(csv)).isInstanceOfSatisfying(ImportRefusedException.class, e ->
                assertThat(e.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                        "jury.csv, ligne 3, colonne « Identifiant » : identifiant « " + prefix + ".ok » déjà présent ligne 2",
                        "jury.csv, ligne 3, colonne « Courriel » : adresse « autre@example » invalide",
                        "jury.csv, ligne 3, colonne « Professionnel extérieur » : « peut-être » : répondez oui ou non",
                        "jury.csv, ligne 3, colonne « Charge maximale » : « zéro » n'est pas un nombre de productions entre 1 et 1000",
                        "jury.csv, ligne 4, colonne « Identifiant » : valeur obligatoire manquante"));
        assertThat(jurors.countByCampaignId(campaign.getId())).isZero();
        assertThat(identity.createUserQuery().userId(prefix + ".ok").count()).isZero();
    }
}
