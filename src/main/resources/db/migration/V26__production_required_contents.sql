-- The admissibility checklist: the référentiel's required contents the coordinator found missing (one per line), and
-- the written reason when the production was nevertheless declared admissible.
alter table cf_production add column missing_contents varchar(4000);
alter table cf_production add column admissible_despite varchar(4000);
