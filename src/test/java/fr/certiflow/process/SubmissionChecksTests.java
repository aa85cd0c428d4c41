package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/** Every user task of Certiflow's processes has exactly one submission check: none completes unchecked. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class SubmissionChecksTests {

    @Autowired
    List<SubmissionCheck> checks;

    @Test
    void everyUserTaskHasItsCheck() throws Exception {
        Set<String> userTasks = new TreeSet<>();
        for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = bpmn.getInputStream()) {
                Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).forEach(task -> userTasks.add(task.getId()));
            }
        }
        List<String> checked = checks.stream().flatMap(check -> check.taskDefinitionKeys().stream()).sorted().toList();

        assertThat(userTasks).hasSize(9);
        assertThat(checked).containsExactlyElementsOf(userTasks);
    }
}
