package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.certiflow.identity.Groups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Certiflow starts on the embedded database, deploys processes/ and forms/, and serves the référentiels. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "certiflow.referentials.locations=classpath:referentials/,classpath:fixtures/referentials/second/")
@ActiveProfiles("test")
@Tag("application")
class CertiflowApplicationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Nested
    class Deployment {

        @Test
        void deploysEveryFileOfProcessesAndForms() throws IOException {
            Set<String> files;
            try (var processes = Files.list(Path.of("processes")); var forms = Files.list(Path.of("forms"))) {
                files = java.util.stream.Stream.concat(processes, forms).map(path -> path.getFileName().toString())
                        .collect(Collectors.toSet());
            }
            Set<String> deployed = repository.createDeploymentQuery().list().stream()
                    .flatMap(deployment -> repository.getDeploymentResources(deployment.getId()).stream())
                    .map(Resource::getName)
                    .map(name -> name.substring(name.lastIndexOf('/') + 1))
                    .collect(Collectors.toSet());
            assertThat(files).contains("production-assessment.bpmn", "bloc-assessment.bpmn", "campaign.bpmn",
                    "component-result.dmn", "evaluation-mmdc-v1-r2-a-1.form", "admissibility.form");
            assertThat(deployed).containsAll(files);
            assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                    .extracting(definition -> definition.getKey())
                    .containsExactlyInAnyOrder("CampaignProcess", "BlocAssessment", "ProductionAssessment", "GroupAssessment");
            assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                    .extracting(definition -> definition.getKey())
                    .containsExactlyInAnyOrder("ComponentResult", "BlocResult", "CertificationResult");
        }
    }

    @Nested
    class Referentials {

        @Test
        void listsEveryPublishedVersion() {
            ResponseEntity<JsonNode> response = admin().getForEntity("/api/referentials", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).extracting(node -> node.get("code").asText() + " " + node.get("version").asInt()
                    + " " + node.get("title").asText())
                    .containsExactly("MMDC 1 Manager marketing digital et communication", "TINY 1 Certification d'essai");
        }

        @Test
        void servesTheWholeTreeOfTheSeed() {
            ResponseEntity<JsonNode> response = admin().getForEntity("/api/referentials/MMDC", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode tree = response.getBody();
            assertThat(tree.get("version").asInt()).isEqualTo(1);
            List<JsonNode> components = tree.findValues("components").stream()
                    .flatMap(list -> List.copyOf(toList(list)).stream()).toList();
            assertThat(components).extracting(component -> component.get("code").asText())
                    .containsExactly("A.1", "A.2", "A.3", "A.4", "A.5");
            assertThat(components.stream().mapToInt(component -> component.get("activities").size()).sum()).isEqualTo(20);
            assertThat(components.stream().mapToInt(component -> component.get("competences").size()).sum()).isEqualTo(44);
            List<JsonNode> criteria = components.stream().flatMap(component -> toList(component.get("criteria")).stream()).toList();
            assertThat(criteria).hasSize(21);
            assertThat(criteria.stream().mapToInt(criterion -> criterion.get("indicators").size()).sum()).isEqualTo(86);
            JsonNode english = criteria.get(20);
            assertThat(english.get("title").asText()).isEqualTo("Qualité de l'usage de l'anglais");
            assertThat(toList(english.get("competences"))).extracting(JsonNode::asText)
                    .containsExactly("C.5.1.1", "C.5.1.2", "C.5.2.1", "C.5.3.1", "C.5.3.2");
            JsonNode procurement = components.get(4).get("production");
            assertThat(procurement.get("englishRequired").asBoolean()).isTrue();
            assertThat(procurement.get("workMode").asText()).isEqualTo("INDIVIDUAL");
        }

        @Test
        void servesAVersionByNumber() {
            ResponseEntity<JsonNode> response = admin().getForEntity("/api/referentials/TINY/versions/1", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().get("title").asText()).isEqualTo("Certification d'essai");
        }

        @Test
        void anUnknownReferentialIsA404ProblemInFrench() {
            ResponseEntity<JsonNode> response = admin().getForEntity("/api/referentials/NOPE", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody().get("detail").asText()).isEqualTo("Aucun référentiel de code « NOPE ».");
            assertThat(admin().getForEntity("/api/referentials/MMDC/versions/7", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Nested
    class Identity {

        @Test
        void createsTheGroupsAndTheAdministrator() {
            assertThat(identity.createGroupQuery().list()).extracting(group -> group.getId())
                    .contains(Groups.COORDINATORS, Groups.JURORS, Groups.JURY_PRESIDENTS, Groups.MANAGERS, Groups.ADMINS,
                            "camunda-admin");
            assertThat(identity.checkPassword("admin", "test-admin-secret")).isTrue();
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(user -> user.getId())
                    .containsExactly("admin");
        }

        @Test
        void createsNoDemoUserWithoutTheDemoProfile() {
            assertThat(identity.createUserQuery().list()).extracting(user -> user.getId()).containsExactly("admin");
        }
    }

    @Test
    void servesTasklist() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/" + engine.getName() + "/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Tasklist");
    }

    @Test
    void certiflowsApiAndTheEngineRestApiNeedAuthentication() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/referentials", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        // A wrong password for an unknown user: a real user's failed login would delay its next login (Camunda's throttling).
        assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/api/referentials", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String engineRest = "/engine-rest/engine/" + engine.getName() + "/process-definition?maxResults=50";
        assertThat(http.getForEntity(engineRest, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var authenticated = admin().getForEntity(engineRest, String.class);
        assertThat(authenticated.getStatusCode()).as(authenticated.getBody()).isEqualTo(HttpStatus.OK);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "test-admin-secret");
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
