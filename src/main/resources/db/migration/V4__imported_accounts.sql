-- The Camunda accounts a jury pool import created. An import may update an account's name and e-mail only when it
-- created that account and the account is still a plain juror; every other account belongs to the administrator.
-- Also the audit trail of who created which account, and for which campaign.
create table cf_imported_account (
    user_id     varchar(64) primary key,
    campaign_id bigint      not null references cf_campaign (id),
    created_by  varchar(64) not null,
    created_at  timestamp(6) with time zone not null
);
