package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fields a form submission may carry, read from a Camunda Form as the engine deploys it. */
@Tag("unit")
class DeployedFormsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFormsFieldsAreItsKeyedComponentsTextExcludedAndListsMarked() throws Exception {
        var form = JSON.readTree("""
                {"id": "exemple", "components": [
                  {"type": "text", "id": "Text_1", "text": "# Titre {{candidateLabel}}"},
                  {"type": "radio", "id": "Radio_1", "key": "decision", "values": []},
                  {"type": "checklist", "id": "Checklist_1", "key": "indicateurs", "values": []},
                  {"type": "group", "id": "Group_1", "components": [
                    {"type": "textarea", "id": "Textarea_1", "key": "commentaire"}]},
                  {"type": "dynamiclist", "id": "List_1", "path": "membres", "components": [
                    {"type": "textfield", "id": "Textfield_1", "key": "nom"}]}]}
                """);

        assertThat(DeployedForms.fields(form)).containsExactly(
                new DeployedForms.Field("decision", false),
                new DeployedForms.Field("indicateurs", true),
                new DeployedForms.Field("commentaire", false),
                new DeployedForms.Field("membres", true));
    }

    @Test
    void theEvaluationFormOfA4TakesFourFieldsPerCriterionAndNothingElse() throws Exception {
        var form = JSON.readTree(Files.readString(Path.of("forms", "evaluation-mmdc-v1-r2-a-4.form")));

        assertThat(DeployedForms.fields(form)).hasSize(4 * 4)
                .extracting(DeployedForms.Field::key)
                .contains("A4_CR1_rating", "A4_CR1_indicators", "A4_CR1_comment", "A4_CR1_remark", "A4_CR4_remark")
                .doesNotContain("candidateLabel", "documentsSummary", "gridLink", "productionId");
    }
}
