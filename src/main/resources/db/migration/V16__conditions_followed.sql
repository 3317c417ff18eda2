-- Conditions followed to the end (issue: life after designation). A condition of the board's endorsement or of
-- OMB's decision gets, when the QSMO is designated, an owner (the agency's QSMO directors), a due date (a business
-- day) and a process of its own: the director reports progress with evidence, OMB marks it met or not met, and an
-- unmet condition at its due date goes to OMB. Every step is an event of the condition's history.

alter table designation_condition alter column round_id drop not null;
alter table designation_condition add column source varchar(8) not null default 'BOARD'
    check (source in ('BOARD', 'OMB'));
alter table designation_condition add column owner_group varchar(64);
alter table designation_condition add column due_date date;
alter table designation_condition add column process_instance_id varchar(64);
alter table designation_condition add column decision_reason text;
alter table designation_condition add column updated_at timestamptz;

alter table designation_condition drop constraint designation_condition_status;
update designation_condition set status = 'MET' where status = 'RESOLVED';
alter table designation_condition add constraint designation_condition_status
    check (status in ('OPEN', 'REPORTED', 'OVERDUE', 'MET', 'NOT_MET'));

create index designation_condition_designation_idx on designation_condition (designation_id, id);

create table designation_condition_event (
    id            bigint       generated always as identity primary key,
    condition_id  bigint       not null references designation_condition (id),
    occurred_at   timestamptz  not null,
    actor         varchar(100) not null,
    action        varchar(32)  not null,
    status        varchar(16)  not null,
    text          text
);

create index designation_condition_event_condition_idx on designation_condition_event (condition_id, id);

create table designation_condition_evidence (
    id            bigint       generated always as identity primary key,
    condition_id  bigint       not null references designation_condition (id),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null
);

create index designation_condition_evidence_condition_idx on designation_condition_evidence (condition_id, id);
