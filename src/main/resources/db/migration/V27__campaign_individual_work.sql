-- The collective composantes (« Travail collectif ») a campaign allows to be assessed as individual work, comma-separated.
alter table cf_campaign add column individual_work varchar(500);
