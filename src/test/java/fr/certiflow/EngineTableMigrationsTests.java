package fr.certiflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Certiflow's migrations of the engine's tables, on a table in the state an earlier version left it. */
@Tag("unit")
class EngineTableMigrationsTests {

    @Test
    void theTaskPermissionsTheEngineGaveBeforeBecomeTaskWorkAndNothingElseChanges() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:engine-migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table act_ru_authorization (id_ varchar(64) primary key, rev_ integer, type_ integer, "
                    + "group_id_ varchar(255), user_id_ varchar(255), resource_type_ integer, resource_id_ varchar(255), perms_ integer)");
            // An assignee's and a candidate group's grants on their tasks, as the engine made them: READ + UPDATE.
            sql.execute("insert into act_ru_authorization values ('assignee', 1, 1, null, 'jure1', 7, 'task-1', 6)");
            sql.execute("insert into act_ru_authorization values ('group', 1, 1, 'coordinators', null, 7, 'task-2', 6)");
            // What an administrator granted by hand, and what is not a task grant: left alone.
            sql.execute("insert into act_ru_authorization values ('all-tasks', 1, 1, 'managers', null, 7, '*', 6)");
            sql.execute("insert into act_ru_authorization values ('more', 1, 1, null, 'jure2', 7, 'task-3', 2147483647)");
            sql.execute("insert into act_ru_authorization values ('revoke', 1, 2, null, 'jure3', 7, 'task-4', 6)");
            sql.execute("insert into act_ru_authorization values ('instance', 1, 1, null, 'jure1', 8, 'instance-1', 6)");

            EngineTableMigrations.migrate(database);

            assertThat(permissions(sql)).containsExactly(
                    Map.entry("all-tasks", "1:6"), Map.entry("assignee", "2:16386"), Map.entry("group", "2:16386"),
                    Map.entry("instance", "1:6"), Map.entry("more", "1:2147483647"), Map.entry("revoke", "1:6"));
        }
    }

    private static Map<String, String> permissions(Statement sql) throws SQLException {
        Map<String, String> permissions = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery("select id_, rev_, perms_ from act_ru_authorization order by id_")) {
            while (rows.next()) {
                permissions.put(rows.getString(1), rows.getInt(2) + ":" + rows.getInt(3));
            }
        }
        return permissions;
    }
}
