package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docs/modules.md states the layering that ArchitectureTests enforces: the same modules, in order, with the same uses. */
@Tag("unit")
class ModulesDocumentationTests {

    @Test
    void theModulesTableListsEveryModuleWithTheModulesItMayUse() throws Exception {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/modules.md"))) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String module = cells[1].strip().replace("`", "");
                String uses = cells[3].strip();
                documented.put(module, "—".equals(uses) ? List.of() : Arrays.stream(uses.split(",")).map(String::strip).toList());
            }
        }
        assertThat(documented).containsExactlyEntriesOf(ArchitectureTests.MODULES);
    }
}
