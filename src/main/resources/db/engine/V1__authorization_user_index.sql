-- Every authorization check of an authenticated user (Tasklist's filters, counts and variables) selects the
-- authorizations of that user or of their groups; the engine indexes the group, not the user, so PostgreSQL reads
-- the whole table, one row per open task. See fr.certiflow.EngineTableMigrations and TaskListBenchmark.
create index if not exists ix_authorization_user on act_ru_authorization (user_id_);
