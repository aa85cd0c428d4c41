package fr.certiflow.attack;

import fr.certiflow.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything of the certification record a user's call could change, read by SQL from the shared database: the engine's
 * runtime (tasks and their links, variables, executions, jobs, subscriptions, incidents), its identities and
 * authorizations, filters and deployments, and every Certiflow table. Two snapshots are equal when nothing changed.
 * Left out on purpose: what a refused login or a running job legitimately touches (failed attempts and lock times of
 * accounts, job locks) and history, which refused commands never write.
 */
final class RecordSnapshot implements AutoCloseable {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("tasks", "select id_, name_, assignee_, owner_, delegation_, priority_, due_date_, follow_up_date_, "
                + "suspension_state_, description_, parent_task_id_ from act_ru_task");
        QUERIES.put("task links", "select task_id_, type_, user_id_, group_id_, proc_def_id_ from act_ru_identitylink");
        QUERIES.put("variables", "select v.name_, v.type_, v.execution_id_, v.task_id_, v.text_, v.text2_, v.long_, v.double_, "
                + "md5(b.bytes_) from act_ru_variable v left join act_ge_bytearray b on b.id_ = v.bytearray_id_");
        QUERIES.put("executions", "select id_, parent_id_, act_id_, business_key_, is_active_, suspension_state_ from act_ru_execution");
        QUERIES.put("jobs", "select id_, type_, handler_type_, handler_cfg_, duedate_, retries_, suspension_state_ from act_ru_job");
        QUERIES.put("job definitions", "select id_, suspension_state_, job_priority_ from act_ru_jobdef");
        QUERIES.put("subscriptions", "select event_type_, event_name_, execution_id_, activity_id_ from act_ru_event_subscr");
        QUERIES.put("incidents", "select id_, incident_type_, incident_msg_ from act_ru_incident");
        QUERIES.put("authorizations", "select type_, group_id_, user_id_, resource_type_, resource_id_, perms_ from act_ru_authorization");
        QUERIES.put("users", "select id_, first_, last_, email_, pwd_, salt_ from act_id_user");
        QUERIES.put("memberships", "select user_id_, group_id_ from act_id_membership");
        QUERIES.put("groups", "select id_, name_, type_ from act_id_group");
        QUERIES.put("filters", "select id_, resource_type_, name_, owner_, query_, properties_ from act_ru_filter");
        QUERIES.put("deployments", "select id_, name_ from act_re_deployment");
        QUERIES.put("process definitions", "select id_, key_, version_, suspension_state_ from act_re_procdef");
        QUERIES.put("process instances ever", "select id_, business_key_, state_ from act_hi_procinst");
        QUERIES.put("campaigns", "select * from cf_campaign");
        QUERIES.put("campaign blocs", "select * from cf_campaign_bloc");
        QUERIES.put("campaign deadlines", "select * from cf_campaign_deadline");
        QUERIES.put("candidates", "select * from cf_candidate");
        QUERIES.put("acquired blocs", "select * from cf_acquired_bloc");
        QUERIES.put("jurors", "select * from cf_juror");
        QUERIES.put("submissions", "select * from cf_submission");
        QUERIES.put("productions", "select * from cf_production");
        QUERIES.put("production files", "select id, submission_id, document_code, filename, content_type, size_bytes, sha256, "
                + "uploaded_by from cf_production_file");
        QUERIES.put("jury assignments", "select * from cf_jury_assignment");
        QUERIES.put("jury derogations", "select * from cf_jury_derogation");
        QUERIES.put("grids", "select id, production_id, juror_user_id, token, md5(content) from cf_grid");
        QUERIES.put("evaluations", "select * from cf_evaluation");
        QUERIES.put("criterion ratings", "select * from cf_criterion_rating");
        QUERIES.put("consolidated ratings", "select * from cf_consolidated_rating");
        QUERIES.put("bloc results", "select * from cf_bloc_result");
        QUERIES.put("certification decisions", "select * from cf_certification_decision");
        QUERIES.put("certification juries", "select * from cf_certification_jury");
        QUERIES.put("certification jury members", "select * from cf_certification_jury_member");
        QUERIES.put("notifications", "select * from cf_notification");
        QUERIES.put("accounts created by imports", "select * from cf_imported_account");
    }

    private final String url;
    private Connection connection;

    RecordSnapshot(String url) {
        this.url = url;
    }

    /** Every table above as sorted rows of text. */
    Map<String, List<String>> take() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Snapshot of the record: " + e.getMessage(), e);
        }
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                snapshot.put(query.getKey(), rows(statement, query.getValue()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Snapshot of the record: " + e.getMessage(), e);
        }
        return snapshot;
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(column > 1 ? " | " : "").append(result.getString(column));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
