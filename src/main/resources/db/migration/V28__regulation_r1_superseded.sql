-- Revision 1 of the règlement of référentiel MMDC version 1 did not say what a resit keeps: Certiflow kept the
-- composantes validated at the earlier attempt. Revision 2 (regulations/mmdc-v1-r2.yaml) makes the same choices and
-- states that one (`resits.keep: validated-components`), so the rule has one source, the règlement file.
-- Revision 1 stays stored as it was published (the record), marked superseded so that it is no longer offered, and
-- the campaigns recorded under it run under revision 2, whose figures they copied are the same (jurors, resits).
alter table cf_regulation_version add column superseded_by integer;

update cf_regulation_version set superseded_by = 2
 where referential_code = 'MMDC' and referential_version = 1 and version = 1;

update cf_campaign set regulation_version = 2
 where referential_code = 'MMDC' and referential_version = 1 and regulation_version = 1;
