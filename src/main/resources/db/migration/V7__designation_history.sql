-- Redesignation: a designation can be superseded by one for another agency, and both stay on record.
alter table designation add column supersedes_id varchar(20) references designation (id);
alter table designation add column superseded_by_id varchar(20) references designation (id);

alter table designation drop constraint designation_status;
alter table designation add constraint designation_status check (status in
    ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED', 'UNDER_BOARD_REVIEW', 'AWAITING_OMB_DECISION',
     'DESIGNATED', 'NOT_DESIGNATED', 'SUPERSEDED', 'CANCELLED', 'WITHDRAWN'));

-- The program's designations so far (public record). They predate this system: no process instance.
insert into designation (id, functional_area_code, agency_code, scope, plan_due_date, status, designated_scope,
                         effective_date, created_by, created_at, updated_at) values
    ('DSG-2020-0001', 'CYBER', 'DHS',
     'Cybersecurity services.', '2020-04-27', 'DESIGNATED',
     'SOC standardization, vulnerability management, protective DNS resolver.', '2020-04-27',
     'record', '2020-04-27T00:00:00Z', '2020-04-27T00:00:00Z'),
    ('DSG-2020-0002', 'FM', 'TREAS',
     'Core financial management.', '2020-06-29', 'DESIGNATED',
     'Core financial management marketplace; commercial vendors join through a GSA Multiple Award Schedule special item number.',
     '2020-06-29', 'record', '2020-06-29T00:00:00Z', '2020-06-29T00:00:00Z'),
    ('DSG-2020-0003', 'HR', 'GSA',
     'Civilian HR transaction services.', '2020-06-29', 'DESIGNATED',
     'Compensation, work schedule and leave.', '2020-06-29',
     'record', '2020-06-29T00:00:00Z', '2021-03-30T00:00:00Z'),
    ('DSG-2021-0001', 'GRANTS', 'HHS',
     'Grants management, after a grants readiness assessment.', '2021-01-15', 'DESIGNATED',
     'Grants management solutions.', '2021-01-15',
     'record', '2021-01-15T00:00:00Z', '2021-01-15T00:00:00Z'),
    ('DSG-2021-0002', 'HR', 'OPM',
     'Civilian HR transaction services, moved from GSA after about six months of migration.', '2021-03-30', 'DESIGNATED',
     'Civilian HR transaction services; OPM then inventoried agencies'' HR IT systems.', '2021-03-30',
     'record', '2021-03-30T00:00:00Z', '2021-03-30T00:00:00Z');

update designation set status = 'SUPERSEDED', superseded_by_id = 'DSG-2021-0002' where id = 'DSG-2020-0003';
update designation set supersedes_id = 'DSG-2020-0003' where id = 'DSG-2021-0002';

insert into designation_event (designation_id, occurred_at, actor, action, status, reason) values
    ('DSG-2020-0001', '2020-04-27T00:00:00Z', 'record', 'DESIGNATED', 'DESIGNATED', 'First formal QSMO designation.'),
    ('DSG-2020-0002', '2020-06-29T00:00:00Z', 'record', 'DESIGNATED', 'DESIGNATED', null),
    ('DSG-2020-0003', '2020-06-29T00:00:00Z', 'record', 'DESIGNATED', 'DESIGNATED', 'Compensation, work schedule and leave only.'),
    ('DSG-2021-0001', '2021-01-15T00:00:00Z', 'record', 'DESIGNATED', 'DESIGNATED', 'Designated in January 2021 after the plan slipped behind a grants readiness assessment (exact day not on record here).'),
    ('DSG-2021-0002', '2021-03-30T00:00:00Z', 'record', 'DESIGNATED', 'DESIGNATED', 'Redesignated from GSA (DSG-2020-0003).'),
    ('DSG-2020-0003', '2021-03-30T00:00:00Z', 'record', 'SUPERSEDED', 'SUPERSEDED', 'OMB redesignated the HR QSMO to OPM (DSG-2021-0002).');
