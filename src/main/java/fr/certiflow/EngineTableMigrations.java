package fr.certiflow;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Certiflow's changes to the engine's tables (indexes, and rewriting the task permissions the engine granted before
 * Certiflow chose TASK_WORK), in db/engine: versioned by Flyway like db/migration,
 * with a history table of their own, but applied once the engine has created its tables. The migrations of
 * db/migration run before the engine starts, when a fresh database has no engine table yet.
 */
@Component
class EngineTableMigrations implements InitializingBean {

    private final DataSource dataSource;

    EngineTableMigrations(DataSource dataSource, ProcessEngine engine) {
        // The engine is a dependency so that its schema exists before these migrations run.
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        migrate(dataSource);
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .table("cf_flyway_engine_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
