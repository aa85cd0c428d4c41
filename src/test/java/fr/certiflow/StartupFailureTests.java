package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.referential.model.InvalidReferentialException;
import fr.certiflow.regulation.InvalidRegulationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Certiflow refuses to start, with a report that says why, rather than run on bad configuration. */
@ExtendWith(OutputCaptureExtension.class)
@Tag("application")
class StartupFailureTests {

    @Test
    void anInvalidReferentialStopsTheStartAndIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start("test", "server.port=0", "certiflow.referentials.locations=classpath:fixtures/referentials/broken/"))
                .hasRootCauseInstanceOf(InvalidReferentialException.class)
                .rootCause().hasMessageContaining("tiny-broken-v1.yaml")
                .hasMessageContaining("criterion T.1-CR2: assesses competence TC.1.3, which the référentiel does not define")
                .hasMessageContaining("competence TC.1.2: is assessed by no criterion of component T.1");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Référentiel file '")
                .contains("raise its version number");
    }

    @Test
    void anInvalidReglementStopsTheStartAndIsNamed(CapturedOutput output) {
        assertThatThrownBy(() -> start("test", "server.port=0",
                "certiflow.regulations.locations=classpath:regulations/,classpath:fixtures/regulations-broken/"))
                .hasRootCauseInstanceOf(InvalidRegulationException.class)
                .rootCause().hasMessageContaining("mmdc-v1-r9-broken.yaml")
                .hasMessageContaining("component.minimumAcquiredPercent: must be between 1 and 100, found 120")
                .hasMessageContaining("juries.production.jurors: must be between 1 and 9, found 0")
                .hasMessageContaining("bloc.minimumValidatedComponents: 'most' is neither all nor a number")
                .hasMessageContaining("juries.certification.chair: 'the-oldest' is not who chairs");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Règlement file '")
                .contains("raise its version number");
    }

    @Test
    void noAdministratorPasswordStopsTheStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("test", "server.port=0", "certiflow.admin.password="))
                .rootCause().hasMessageContaining("No administrator password is configured");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("CERTIFLOW_ADMIN_PASSWORD");
    }

    @Test
    void aShortAdministratorPasswordStopsTheStart() {
        assertThatThrownBy(() -> start("test", "server.port=0", "certiflow.admin.password=short"))
                .rootCause().hasMessageContaining("shorter than 8 characters");
    }

    @Test
    void thePostgresProfileRefusesTheDemoPassword() {
        // The datasource stays on H2 so that the rule is tested without a PostgreSQL server.
        assertThatThrownBy(() -> start("test,postgres,demo", "server.port=0", "spring.datasource.url=jdbc:h2:mem:refused;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa", "spring.datasource.password=", "certiflow.admin.password=admin"))
                .rootCause().hasMessageContaining("demo password, which the postgres profile refuses");
    }

    private static void start(String profiles, String... properties) {
        new SpringApplicationBuilder(CertiflowApplication.class)
                .profiles(profiles.split(","))
                // Without the webapps: closing an application that has them clears Cockpit's JVM-wide runtime delegate
                // (and Tasklist's, Admin's, Welcome's), which breaks the webapps of every other test context in this JVM.
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--camunda.bpm.webapp.enabled=false"),
                        java.util.Arrays.stream(properties).map(property -> "--" + property)).toArray(String[]::new))
                .close();
    }
}
