package fr.certiflow.operations;

import fr.certiflow.referential.ReferentialCatalog;
import fr.certiflow.referential.ReferentialSummary;
import fr.certiflow.regulation.Regulation;
import fr.certiflow.regulation.RegulationCatalog;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health indicators of Certiflow's readiness (besides the database's, Spring Boot's {@code db}): a node is ready
 * to take work when its job executor runs and its référentiels are loaded.
 */
@Configuration(proxyBeanMethods = false)
class OperationsHealth {

    /**
     * Replaces Camunda's indicator of the same name, which reports DOWN on a node whose job executor is switched off
     * on purpose ({@code camunda.bpm.job-execution.enabled=false}): such a node serves users and is ready.
     */
    @Bean("jobExecutorHealthIndicator")
    HealthIndicator jobExecutorHealthIndicator(ProcessEngine engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        return () -> {
            JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            if (!enabled) {
                return Health.up().withDetail("enabled", false).build();
            }
            Health.Builder health = executor != null && executor.isActive() ? Health.up() : Health.down();
            if (executor != null) {
                health.withDetail("name", executor.getName())
                        .withDetail("lockOwner", executor.getLockOwner())
                        .withDetail("lockTimeInMillis", executor.getLockTimeInMillis())
                        .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
            }
            return health.withDetail("enabled", true).build();
        };
    }

    @Bean("referentialsHealthIndicator")
    HealthIndicator referentialsHealthIndicator(ReferentialCatalog catalog, RegulationCatalog regulations) {
        return () -> {
            List<String> loaded = catalog.list().stream().map(ReferentialSummary::code).distinct().toList();
            List<String> versions = catalog.list().stream().map(summary -> summary.code() + " v" + summary.version()).toList();
            List<String> rules = regulations.list().stream().map(Regulation::title).sorted().toList();
            // Ready when at least one référentiel and one règlement are loaded: a campaign needs both.
            return (loaded.isEmpty() || rules.isEmpty() ? Health.down() : Health.up())
                    .withDetail("referentials", versions).withDetail("regulations", rules).build();
        };
    }
}
