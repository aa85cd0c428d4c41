package fr.certiflow.packaged;

import fr.certiflow.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shared PostgreSQL database directly, as an operator's SQL would: what the nodes committed, whatever
 * happened to them.
 */
public final class EngineDatabase {

    private final String url;

    public EngineDatabase(String url) {
        this.url = url;
    }

    /** An operator's change, committed at once; returns the rows changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    /** Business keys of the running instances of a process definition, one entry per instance (duplicates kept). */
    public List<String> businessKeys(String processKey) {
        return strings("select e.business_key_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                + "where d.key_ = ? and e.id_ = e.proc_inst_id_", processKey);
    }

    public long instances(String processKey) {
        return count("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                + "where d.key_ = ? and e.id_ = e.proc_inst_id_", processKey);
    }

    public long waitingAt(String activityId) {
        return count("select count(*) from act_ru_execution where act_id_ = ?", activityId);
    }

    public long incidents() {
        return count("select count(*) from act_ru_incident");
    }

    /** Jobs due now or left over (timers in the future excluded). */
    public long pendingJobs() {
        return count("select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()");
    }

    /** Jobs the job log records as executed successfully more than once. */
    public List<String> jobsExecutedTwice() {
        return strings("select job_id_ || ' (' || coalesce(act_id_, '?') || ')' from act_hi_job_log where job_state_ = 2 "
                + "group by job_id_, act_id_ having count(*) > 1");
    }

    /** Successful job executions per node (the engine's hostname, which Certiflow sets to the node's name). */
    public long executedBy(String node, String activityId) {
        return count("select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = ? and act_id_ like ?",
                node, activityId);
    }

    public List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        query(sql, parameters, rows -> {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        });
        return values;
    }

    private Object single(String sql, Object... parameters) {
        Object[] value = new Object[1];
        query(sql, parameters, rows -> {
            rows.next();
            value[0] = rows.getObject(1);
        });
        return value[0];
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Object[] parameters, Rows reader) {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
