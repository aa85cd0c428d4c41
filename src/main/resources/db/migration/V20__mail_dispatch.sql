-- The outbox is sent by MailDispatcher: each message is claimed by one node for a while (claimed_by, claimed_until),
-- sent over SMTP, then marked SENT; a failed send waits until next_attempt_at, and after the configured number of
-- attempts is parked as FAILED for an operator to send again. A candidate without an address is NO_ADDRESS.
alter table cf_notification alter column recipient drop not null;
alter table cf_notification add column status varchar(20) default 'PENDING' not null;
alter table cf_notification add column attempts integer default 0 not null;
alter table cf_notification add column next_attempt_at timestamp(6) with time zone;
alter table cf_notification add column claimed_by varchar(100);
alter table cf_notification add column claimed_until timestamp(6) with time zone;
alter table cf_notification add column sent_at timestamp(6) with time zone;
alter table cf_notification add column last_error varchar(1000);
update cf_notification set next_attempt_at = created_at;
alter table cf_notification alter column next_attempt_at set not null;
create index ix_notification_due on cf_notification (status, next_attempt_at);
