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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/**
 * The jury pool import: Camunda users and memberships with the pool, all or nothing, idempotent; accounts belong to
 * the administrator, so a file creates jurors and never reaches another account or grants another role.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@Tag("application")
class JuryPoolImportTests {

    static final String UTF8_SEMICOLON = "CSV UTF-8, séparateur point-virgule";
    static final String HEADER = "Identifiant;Nom;Courriel;Organisation;Professionnel extérieur;Qualifié en anglais;Président de jury;Charge maximale;Conflits déclarés\n";
    static final String IMPORTER = "coordo";

    @Autowired
    JuryPoolImport jury;
    @Autowired
    JurorRepository jurors;
    @Autowired
    ImportedAccountRepository importedAccounts;
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
        return jury.importFile(campaign.getId(), "jury.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), IMPORTER);
    }

    /** A row of the file: id, name, e-mail, president (oui/non); the other columns with harmless values. */
    static String row(String userId, String name, String email, String president) {
        return userId + ";" + name + ";" + email + ";;non;non;" + president + ";;\n";
    }

    /** An account made by an administrator, in the given groups. */
    User account(String id, String firstName, String lastName, String... groups) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@certiflow.example");
        user.setPassword(id + "-secret");
        identity.saveUser(user);
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            identity.createMembership(id, group);
        }
        return user;
    }

    /** What an import could change of each account: name, e-mail, groups. */
    Map<String, String> accounts(String... ids) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String id : ids) {
            User user = identity.createUserQuery().userId(id).singleResult();
            state.put(id, user == null ? "absent" : user.getFirstName() + " | " + user.getLastName() + " | "
                    + user.getEmail() + " | " + groups(id));
        }
        return state;
    }

    List<String> groups(String id) {
        return identity.createGroupQuery().groupMember(id).orderByGroupId().asc().list().stream().map(Group::getId).toList();
    }

    ImportRefusedException refused(String csv) {
        ImportRefusedException[] caught = new ImportRefusedException[1];
        assertThatThrownBy(() -> importCsv(csv)).isInstanceOfSatisfying(ImportRefusedException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** Refused, and the campaign (which had no juror) still has none. */
    ImportRefusedException assertRefused(String csv) {
        ImportRefusedException refused = refused(csv);
        assertThat(jurors.countByCampaignId(campaign.getId())).isZero();
        return refused;
    }

    @Test
    void theTemplatesExampleJurorLeftInTheFileIsRefusedAndNoAccountIsCreated() {
        String example = JuryPoolTemplate.COLUMNS.stream().map(c -> c.example().contains(";")
                ? "\"" + c.example() + "\"" : c.example()).collect(java.util.stream.Collectors.joining(";"));
        ImportRefusedException refused = assertRefused(HEADER + example + "\n" + prefix + ".roux;Paul Roux;paul@example.org;;oui;non;non;5;\n");
        assertThat(refused.problems()).extracting(Object::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Courriel » : " + fr.certiflow.campaign.ImportTemplates.EXAMPLE_ROW);
        assertThat(identity.createUserQuery().userId(JuryPoolTemplate.EXAMPLE_ID).count()).isZero();
    }

    @Test
    void createsTheJurorsTheirCamundaUsersAndMemberships() {
        String csv = HEADER
                + prefix + ".dupont;Marie Dupont;marie@example.org;Cabinet Ouest;oui;non;non;12;\"2027-004; Agence Horizon\"\n"
                + prefix + ".lee;Ann Lee;ann@example.org;;non;oui;non;;\n"
                + prefix + ".roux;Paul Roux;paul@example.org;;oui;non;non;5;\n";
        JuryPoolImport.Result result = importCsv(csv);

        assertThat(result).isEqualTo(new JuryPoolImport.Result(3, 0, 0, 3, 3, UTF8_SEMICOLON));
        Juror dupont = jurors.findByCampaignIdAndUserId(campaign.getId(), prefix + ".dupont").orElseThrow();
        assertThat(dupont.isExternal()).isTrue();
        assertThat(dupont.getMaxLoad()).isEqualTo(12);
        assertThat(dupont.conflicts()).containsExactlyInAnyOrder("2027-004", "Agence Horizon");
        assertThat(jurors.findByCampaignIdAndUserId(campaign.getId(), prefix + ".lee").orElseThrow().getMaxLoad()).isEqualTo(20);
        assertThat(identity.createUserQuery().userId(prefix + ".dupont").singleResult().getLastName()).isEqualTo("Dupont");
        for (String id : List.of(prefix + ".dupont", prefix + ".lee", prefix + ".roux")) {
            assertThat(groups(id)).as(id).containsExactly(Groups.JURORS);
        }

        assertThat(importCsv(csv)).isEqualTo(new JuryPoolImport.Result(0, 0, 3, 3, 0, UTF8_SEMICOLON));
        assertThat(importCsv(csv.replace(";12;", ";15;"))).isEqualTo(new JuryPoolImport.Result(0, 1, 2, 3, 0, UTF8_SEMICOLON));
    }

    @Test
    void recordsAndLogsWhoCreatedEachAccount(CapturedOutput output) {
        importCsv(HEADER + row(prefix + ".new", "Nina Neuve", "nina@example.org", "non"));

        ImportedAccount record = importedAccounts.findById(prefix + ".new").orElseThrow();
        assertThat(record.getCampaignId()).isEqualTo(campaign.getId());
        assertThat(record.getCreatedBy()).isEqualTo(IMPORTER);
        assertThat(record.getCreatedAt()).isEqualTo(AssessmentFixture.OPENS);
        assertThat(output).contains("Jury pool import of campaign " + campaign.getCode() + " by " + IMPORTER
                + ": created account " + prefix + ".new in group jurors");
    }

    @Test
    void anyProblemImportsNothingNotEvenAUser() {
        String csv = HEADER
                + prefix + ".ok;Marie Dupont;marie@example.org;;oui;non;non;12;\n"
                + prefix + ".ok;Autre;autre@example;;peut-être;non;non;zéro;\n"
                + ";Sans identifiant;;;oui;;;;\n";
        assertThat(refused(csv).problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                "jury.csv, ligne 3, colonne « Identifiant » : identifiant « " + prefix + ".ok » déjà présent ligne 2",
                "jury.csv, ligne 3, colonne « Courriel » : adresse « autre@example » invalide",
                "jury.csv, ligne 3, colonne « Professionnel extérieur » : « peut-être » : répondez oui ou non",
                "jury.csv, ligne 3, colonne « Charge maximale » : « zéro » n'est pas un nombre de productions entre 1 et 1000",
                "jury.csv, ligne 4, colonne « Identifiant » : valeur obligatoire manquante");
        assertThat(jurors.countByCampaignId(campaign.getId())).isZero();
        assertThat(identity.createUserQuery().userId(prefix + ".ok").count()).isZero();
    }

    @Test
    void aCoordinatorCannotMakeThemselfPresidentNorTakeOverTheAdministrator() {
        // The attacks of issue 11, with the accounts the application really has: the administrator, and a
        // coordinator importing a file that names them.
        account(prefix + ".coordo", "Camille", "Coordinatrice", Groups.COORDINATORS);
        Map<String, String> before = accounts(prefix + ".coordo", "admin");

        ImportRefusedException refused = refused(HEADER
                + row(prefix + ".coordo", "Camille Coordinatrice", "camille@example.org", "oui")
                + row("admin", "Pirate Admin", "pirate@example.org", "non"));

        assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Identifiant » : le compte « " + prefix + ".coordo » appartient au groupe "
                        + "Coordinateurs : un import de jury ne peut ni l'employer ni le modifier",
                "jury.csv, ligne 3, colonne « Identifiant » : le compte « admin » appartient au groupe Administrateurs "
                        + ": un import de jury ne peut ni l'employer ni le modifier");
        assertThat(accounts(prefix + ".coordo", "admin")).isEqualTo(before);
        assertThat(jurors.countByCampaignId(campaign.getId())).isZero();
    }

    @Test
    void accountsOfCoordinatorsManagersAndAdministratorsAreProblemsWhateverTheRowSays() {
        account(prefix + ".man", "Marie", "Responsable", Groups.MANAGERS);
        account(prefix + ".cam", "Carl", "Camunda", Groups.CAMUNDA_ADMIN);
        // Also a juror: membership of jurors does not make a manager's account an import's to use.
        account(prefix + ".both", "Bea", "Double", Groups.JURORS, Groups.MANAGERS);
        Map<String, String> before = accounts(prefix + ".man", prefix + ".cam", prefix + ".both");

        ImportRefusedException refused = refused(HEADER
                + row(prefix + ".man", "Marie Responsable", "marie@example.org", "non")
                + row(prefix + ".cam", "Carl Camunda", "carl@example.org", "")
                + row(prefix + ".both", "Bea Double", "bea@example.org", "non"));

        assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Identifiant » : le compte « " + prefix + ".man » appartient au groupe "
                        + "Responsables pédagogiques : un import de jury ne peut ni l'employer ni le modifier",
                "jury.csv, ligne 3, colonne « Identifiant » : le compte « " + prefix + ".cam » appartient au groupe "
                        + "Administrateurs Camunda : un import de jury ne peut ni l'employer ni le modifier",
                "jury.csv, ligne 4, colonne « Identifiant » : le compte « " + prefix + ".both » appartient au groupe "
                        + "Responsables pédagogiques : un import de jury ne peut ni l'employer ni le modifier");
        assertThat(accounts(prefix + ".man", prefix + ".cam", prefix + ".both")).isEqualTo(before);
    }

    @Test
    void aNewAccountCannotBeMadePresidentByAFile() {
        ImportRefusedException refused = refused(HEADER + row(prefix + ".chef", "Paul Chef", "paul@example.org", "oui"));

        assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Président de jury » : le rôle de président de jury est attribué par un "
                        + "administrateur : « " + prefix + ".chef » n'a pas de compte, importez-le comme juré (« non »)");
        assertThat(identity.createUserQuery().userId(prefix + ".chef").count()).isZero();
        assertThat(importedAccounts.existsById(prefix + ".chef")).isFalse();
    }

    @Test
    void presidentsAndJurorsOfTheAdministratorAreAcceptedAndKeepTheirAccounts() {
        String president = prefix + ".pres";
        String juror = prefix + ".jure";
        account(president, "Paul", "Président", Groups.JURY_PRESIDENTS);
        account(juror, "Julien", "Juré", Groups.JURORS);
        Map<String, String> before = accounts(president, juror);

        JuryPoolImport.Result result = importCsv(HEADER + row(president, "Autre Nom", "autre@example.org", "oui")
                + row(juror, "Jules Autre", "jules@example.org", "non"));

        assertThat(result).isEqualTo(new JuryPoolImport.Result(2, 0, 0, 2, 0, UTF8_SEMICOLON));
        // No group added, names and e-mails kept: the file only says whom the campaign counts on, as it names them.
        assertThat(accounts(president, juror)).isEqualTo(before);
        assertThat(jurorRows()).containsExactly(juror + " | Jules Autre | jules@example.org | false",
                president + " | Autre Nom | autre@example.org | true");
    }

    @Test
    void aPresidentNamedAsAJurorIsAProblem() {
        account(prefix + ".pres", "Paul", "Président", Groups.JURY_PRESIDENTS);
        String file = "Identifiant;Nom;Professionnel extérieur\n" + prefix + ".pres;Paul Président;non\n";

        ImportRefusedException refused = assertRefused(file);

        // The file has no president column: the problem names the template's.
        assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Président de jury » : « " + prefix + ".pres » est président de jury : "
                        + "indiquez « oui » (un président délibère et n'évalue pas les productions)");
        assertThat(groups(prefix + ".pres")).containsExactly(Groups.JURY_PRESIDENTS);
    }

    @Test
    void aJurorCannotBeMadePresidentByAFile() {
        account(prefix + ".jure", "Julien", "Juré", Groups.JURORS);

        ImportRefusedException refused = assertRefused(HEADER + row(prefix + ".jure", "Julien Juré", "", "oui"));

        assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Président de jury » : le rôle de président de jury est attribué par un "
                        + "administrateur : « " + prefix + ".jure » n'est pas président de jury");
        assertThat(groups(prefix + ".jure")).containsExactly(Groups.JURORS);
    }

    @Test
    void anAccountTheImportCreatedIsUpdatedWhileItStaysAPlainJuror() {
        String id = prefix + ".imp";
        importCsv(HEADER + row(id, "Ines Importée", "ines@example.org", "non"));

        JuryPoolImport.Result renamed = importCsv(HEADER + row(id, "Ines Martin-Importée", "ines.martin@example.org", "non"));

        assertThat(renamed).isEqualTo(new JuryPoolImport.Result(0, 1, 0, 1, 0, UTF8_SEMICOLON));
        assertThat(accounts(id)).containsEntry(id, "Ines | Martin-Importée | ines.martin@example.org | [jurors]");

        // Once an administrator gives the account another group, it is the administrator's.
        identity.saveGroup(identity.newGroup(prefix + "-audit"));
        identity.createMembership(id, prefix + "-audit");
        Map<String, String> administered = accounts(id);
        JuryPoolImport.Result again = importCsv(HEADER + row(id, "Ines Autre", "ines.autre@example.org", "non"));

        assertThat(again).isEqualTo(new JuryPoolImport.Result(0, 1, 0, 1, 0, UTF8_SEMICOLON));
        assertThat(accounts(id)).isEqualTo(administered);
        assertThat(jurors.findByCampaignIdAndUserId(campaign.getId(), id).orElseThrow().getDisplayName()).isEqualTo("Ines Autre");
    }

    @Test
    void anAccountTheImportCreatedAndAnAdministratorMadePresidentIsNoLongerChangedByImports() {
        String id = prefix + ".promu";
        importCsv(HEADER + row(id, "Pierre Promu", "pierre@example.org", "non"));
        identity.createMembership(id, Groups.JURY_PRESIDENTS);
        Map<String, String> promoted = accounts(id);

        JuryPoolImport.Result result = importCsv(HEADER + row(id, "Pierre Renommé", "autre@example.org", "oui"));

        assertThat(result).isEqualTo(new JuryPoolImport.Result(0, 1, 0, 1, 0, UTF8_SEMICOLON));
        assertThat(accounts(id)).isEqualTo(promoted);
        assertThat(jurors.findByCampaignIdAndUserId(campaign.getId(), id).orElseThrow().isPresident()).isTrue();
    }

    @Test
    void anAccountInNoCertiflowGroupIsAProblem() {
        account(prefix + ".out", "Olga", "Extérieure");
        account(prefix + ".other", "Otto", "Autre", prefix + "-audit");

        ImportRefusedException refused = assertRefused(HEADER
                + row(prefix + ".out", "Olga Extérieure", "", "non")
                + row(prefix + ".other", "Otto Autre", "", "non"));

        assertThat(refused.problems()).extracting(ImportProblem::toString).containsExactly(
                "jury.csv, ligne 2, colonne « Identifiant » : compte « " + prefix + ".out » existant qui n'est pas "
                        + "juré : un administrateur doit l'ajouter au groupe Jurés",
                "jury.csv, ligne 3, colonne « Identifiant » : compte « " + prefix + ".other » existant qui n'est pas "
                        + "juré : un administrateur doit l'ajouter au groupe Jurés");
        assertThat(groups(prefix + ".out")).isEmpty();
        assertThat(groups(prefix + ".other")).containsExactly(prefix + "-audit");
    }

    @Test
    void aRefusedFileChangesNoAccountAndNoJurorOfTheCampaign() {
        String[] ids = {prefix + ".imp", prefix + ".jure", prefix + ".pres", prefix + ".coordo", prefix + ".new"};
        importCsv(HEADER + row(ids[0], "Ines Importée", "ines@example.org", "non"));
        account(ids[1], "Julien", "Juré", Groups.JURORS);
        account(ids[2], "Paul", "Président", Groups.JURY_PRESIDENTS);
        account(ids[3], "Camille", "Coordinatrice", Groups.COORDINATORS);
        importCsv(HEADER + row(ids[0], "Ines Importée", "ines@example.org", "non")
                + row(ids[1], "Julien Juré", "julien@example.org", "non")
                + row(ids[2], "Paul Président", "paul@example.org", "oui"));
        Map<String, String> accountsBefore = accounts(ids);
        List<String> jurorsBefore = jurorRows();

        // Every row but the coordinator's would be accepted, and would change accounts and jurors.
        refused(HEADER + row(ids[0], "Ines Renommée", "ines.r@example.org", "non")
                + row(ids[1], "Julien Renommé", "julien.r@example.org", "non")
                + row(ids[2], "Paul Renommé", "paul.r@example.org", "oui")
                + row(ids[3], "Camille Coordinatrice", "camille@example.org", "non")
                + row(ids[4], "Nouveau Juré", "nouveau@example.org", "non"));

        assertThat(accounts(ids)).isEqualTo(accountsBefore);
        assertThat(accountsBefore.get(ids[4])).isEqualTo("absent");
        assertThat(importedAccounts.existsById(ids[4])).isFalse();
        assertThat(jurorRows()).isEqualTo(jurorsBefore).hasSize(3);
    }

    List<String> jurorRows() {
        return jurors.findByCampaignIdOrderByUserId(campaign.getId()).stream().map(juror -> String.join(" | ",
                juror.getUserId(), juror.getDisplayName(), String.valueOf(juror.getEmail()),
                String.valueOf(juror.isPresident()))).toList();
    }
}
