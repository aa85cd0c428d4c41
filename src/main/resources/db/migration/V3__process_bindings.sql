-- What binds a process instance to Certiflow's rows, so that nothing a task's user may send (a process variable) can
-- point a step at another candidate's production or launch a campaign twice.

-- A production is found by its process instance's business key (campaign/candidate/composante[#attempt]), which only
-- the calling process sets.
alter table cf_production add column process_key varchar(200);
update cf_production p set process_key = (
    select c.code || '/' || k.candidate_number || '/' || p.component_code
           || case when p.attempt > 1 then '#' || cast(p.attempt as varchar(10)) else '' end
    from cf_campaign c, cf_candidate k
    where c.id = p.campaign_id and k.id = p.candidate_id);
alter table cf_production alter column process_key set not null;
alter table cf_production add constraint uk_production_process_key unique (process_key);

-- The one campaign process instance that runs a campaign; a second one is refused.
alter table cf_campaign add column process_instance_id varchar(64);
alter table cf_campaign add constraint uk_campaign_process_instance unique (process_instance_id);

-- Who harmonised a criterion (a jury president), beside the justification.
alter table cf_consolidated_rating add column decided_by varchar(64);
