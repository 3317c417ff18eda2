-- Continuous assessment of designated QSMOs (ADR 0026). Each year at the anniversary of the effective date, and
-- whenever OMB orders one, the QSMO's director submits an assessment, the governance board reviews it under the same
-- rules as a plan (its rounds are board rounds of the assessment) and OMB decides: continue, continue with corrective
-- actions (followed like conditions), redesignate, or rescind.

alter table designation drop constraint designation_status;
alter table designation add constraint designation_status check (status in
    ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED', 'UNDER_BOARD_REVIEW', 'AWAITING_OMB_DECISION',
     'DESIGNATED', 'NOT_DESIGNATED', 'SUPERSEDED', 'CANCELLED', 'WITHDRAWN', 'RESCINDED'));

create table qsmo_assessment (
    id                   bigint       generated always as identity primary key,
    designation_id       varchar(20)  not null references designation (id),
    kind                 varchar(8)   not null check (kind in ('ANNUAL', 'ORDERED')),
    -- the anniversary an annual assessment is due at, or the day OMB ordered one
    as_of                date         not null,
    status               varchar(24)  not null check (status in ('SCHEDULED', 'AWAITING_SUBMISSION',
                             'UNDER_BOARD_REVIEW', 'AWAITING_OMB_DECISION', 'DECIDED', 'CANCELLED')),
    ordered_by           varchar(100),
    order_reason         text,
    process_instance_id  varchar(64),
    decision             varchar(24)  check (decision in ('CONTINUE', 'CORRECTIVE_ACTION', 'REDESIGNATE', 'RESCIND')),
    decision_reason      text,
    decided_by           varchar(100),
    decided_at           timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

create index qsmo_assessment_designation_idx on qsmo_assessment (designation_id, id);
-- at most one annual assessment waits for its anniversary per QSMO
create unique index qsmo_assessment_one_scheduled on qsmo_assessment (designation_id) where status = 'SCHEDULED';

-- What the director submitted; a version per submission (the board can return it for revision), never updated.
create table qsmo_assessment_submission (
    id                     bigint       generated always as identity primary key,
    assessment_id          bigint       not null references qsmo_assessment (id),
    version_number         integer      not null,
    performance_measures   text         not null,
    customers_served       text         not null,
    customers_onboarding   text,
    customer_satisfaction  text         not null,
    risks                  text         not null,
    -- taken from the program's records when submitted: the marketplace's offerings and the open conditions
    offerings_summary      text         not null,
    open_conditions        text         not null,
    submitted_by           varchar(100) not null,
    submitted_at           timestamptz  not null,
    constraint qsmo_assessment_submission_version unique (assessment_id, version_number)
);

create table qsmo_assessment_event (
    id             bigint       generated always as identity primary key,
    assessment_id  bigint       not null references qsmo_assessment (id),
    occurred_at    timestamptz  not null,
    actor          varchar(100) not null,
    action         varchar(32)  not null,
    status         varchar(24)  not null,
    text           text
);

create index qsmo_assessment_event_assessment_idx on qsmo_assessment_event (assessment_id, id);

-- The board's rounds on an assessment: numbered per assessment, without a plan version.
alter table board_round add column assessment_id bigint references qsmo_assessment (id);
alter table board_round alter column plan_version_number drop not null;
alter table board_round drop constraint board_round_number_unique;
create unique index board_round_plan_number_unique on board_round (designation_id, round_number)
    where assessment_id is null;
create unique index board_round_assessment_number_unique on board_round (assessment_id, round_number)
    where assessment_id is not null;
alter table board_round add constraint board_round_subject
    check ((assessment_id is null) <> (plan_version_number is null));

-- Corrective actions OMB sets at an assessment are followed like conditions.
alter table designation_condition add column assessment_id bigint references qsmo_assessment (id);
alter table designation_condition alter column source type varchar(20);
alter table designation_condition drop constraint if exists designation_condition_source_check;
alter table designation_condition add constraint designation_condition_source
    check (source in ('BOARD', 'OMB', 'CORRECTIVE_ACTION'));
