package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.ReferentialSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default database is an H2 file in CERTIFLOW_DATA_DIR: what Certiflow stored is there after a restart. */
@Tag("application")
class H2FileDatabaseTests {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() {
        ReferentialSummary published;
        long deployments;
        try (ConfigurableApplicationContext first = start()) {
            published = first.getBean(ReferentialCatalog.class).list().get(0);
            deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
            IdentityService identity = first.getBean(IdentityService.class);
            User user = identity.newUser("persisted");
            user.setPassword("persisted-secret");
            identity.saveUser(user);
        }
        assertThat(Files.exists(dataDir.resolve("certiflow.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(ReferentialCatalog.class).list().get(0)).isEqualTo(published);
            assertThat(second.getBean(IdentityService.class).checkPassword("persisted", "persisted-secret")).isTrue();
            // Unchanged processes are not deployed again.
            assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CertiflowApplication.class)
                .run("--server.port=0",
                        // Without the webapps: closing an application that has them clears Cockpit's JVM-wide runtime delegate (and Tasklist's,
                        // Admin's, Welcome's), which breaks the webapps of every other test context still running in this JVM.
                        "--camunda.bpm.webapp.enabled=false",
                        "--CERTIFLOW_DATA_DIR=" + dataDir,
                        "--certiflow.admin.password=file-admin-secret",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.generate-unique-process-application-name=true");
    }
}
