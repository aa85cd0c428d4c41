package fr.certiflow.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in a cluster: the engine writes the name into the job log (which node executed which job) and
 * incidents. Without {@code certiflow.node-name} the engine keeps its own IP-based name.
 */
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

    private final String name;

    ClusterNode(@Value("${certiflow.node-name:}") String name) {
        this.name = name;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isBlank()) {
            configuration.setHostname(name.strip());
        }
    }
}
