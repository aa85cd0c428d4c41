package fr.certiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.certiflow.campaign.SmallCampaignLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API's contract: the OpenAPI description the code generates must be the committed one
 * ({@code src/test/resources/openapi/certiflow-api.json}), so that any change of a path, a parameter, a request or a
 * response shows up in review as a change of that file. After an intended change, run
 * {@code mvn test -Dtest=ApiContractTests -Dopenapi.update=true} and commit the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "certiflow.mail.enabled=false")
@ActiveProfiles("test")
@Tag("application")
class ApiContractTests {

    static final Path CONTRACT = Path.of("src/test/resources/openapi/certiflow-api.json");
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Autowired
    TestRestTemplate http;
    @Autowired
    SmallCampaignLaunch api;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void users() {
        api.users();
    }

    @Test
    void theContractIsServedToAuthenticatedUsersOnly() {
        assertThat(http.getForEntity("/api/openapi", String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<JsonNode> served = http.withBasicAuth("jure9", "jure9-secret").getForEntity("/api/openapi", JsonNode.class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getBody().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void theCodeAndTheCommittedContractAgree() throws IOException {
        String generated = normalised(contract());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, generated);
        }
        Path actual = Path.of("target", "openapi-generated.json");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, generated);
        assertThat(Files.exists(CONTRACT)).as("committed contract %s", CONTRACT).isTrue();
        assertThat(generated)
                .as("The API and its committed contract differ: compare %s with %s; if the change is intended, run "
                        + "mvn test -Dtest=ApiContractTests -Dopenapi.update=true and commit the file", actual, CONTRACT)
                .isEqualTo(Files.readString(CONTRACT));
    }

    @Test
    void everySecuredEndpointIsInTheContractAndNothingElse() {
        Set<String> operations = new TreeSet<>();
        contract().get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> rules = new TreeSet<>();
        for (ApiSecurity.Rule rule : ApiSecurity.RULES) {
            if (!rule.path().startsWith("/api/openapi")) {
                rules.add(rule.method() + " " + rule.path());
            }
        }
        assertThat(operations).isEqualTo(rules);
    }

    @Test
    void everyRefusalIsAFrenchProblem() {
        JsonNode contract = contract();
        assertThat(contract.at("/components/schemas/Problem/properties").has("detail")).isTrue();
        List<String> checked = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            JsonNode responses = operation.getValue().get("responses");
            assertThat(responses.has("401")).as("%s %s answers 401", operation.getKey(), path.getKey()).isTrue();
            assertThat(responses.has("403")).as("%s %s answers 403", operation.getKey(), path.getKey()).isTrue();
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as("%s %s %s", operation.getKey(), path.getKey(), response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                    checked.add(response.getKey());
                }
            });
        }));
        assertThat(checked).isNotEmpty();
    }

    private JsonNode contract() {
        return http.withBasicAuth("coordo", "coordo-secret").getForObject("/api/openapi", JsonNode.class);
    }

    /** Sorted keys, no server address (the port is random), two-space indentation, a final newline. */
    private String normalised(JsonNode contract) throws IOException {
        ObjectNode copy = contract.deepCopy();
        copy.remove("servers");
        Object tree = json.treeToValue(copy, Object.class);
        return json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(tree) + "\n";
    }
}
