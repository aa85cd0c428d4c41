-- Task permissions of users and groups on the tasks that were open before Certiflow granted TASK_WORK by default
-- (defaultUserPermissionNameForTask, application.yaml): the engine gave each assignee and candidate group READ and
-- UPDATE on their task (6), with which they could reassign it or write its variables. Such a grant becomes READ and
-- TASK_WORK (2 + 16384), what the engine now gives: claim and submit the task's form, nothing more. Grants an
-- administrator made by hand carry other permissions and are left as they are.
update act_ru_authorization
set perms_ = 16386, rev_ = rev_ + 1
where type_ = 1 and resource_type_ = 7 and resource_id_ <> '*' and perms_ = 6;
