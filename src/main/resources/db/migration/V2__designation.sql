-- A QSMO designation: one functional area, one candidate (later designated) agency.
-- Its id is the business key of its qsmo-designation process instance.

create sequence designation_number_seq;

create table designation (
    id                    varchar(20)  primary key,
    functional_area_code  varchar(16)  not null references functional_area (code),
    agency_code           varchar(16)  not null references agency (code),
    scope                 text         not null,
    plan_due_date         date         not null,
    status                varchar(24)  not null,
    process_instance_id   varchar(64),
    created_by            varchar(100) not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    constraint designation_status check (status in
        ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED'))
);

create index designation_area_idx on designation (functional_area_code);
create index designation_agency_idx on designation (agency_code);

-- The audit trail of a designation: who did what, when, and why. Rows are never updated.
create table designation_event (
    id              bigint       generated always as identity primary key,
    designation_id  varchar(20)  not null references designation (id),
    occurred_at     timestamptz  not null,
    actor           varchar(100) not null,
    action          varchar(40)  not null,
    status          varchar(24)  not null,
    reason          text
);

create index designation_event_designation_idx on designation_event (designation_id, occurred_at);

-- A Marketplace Implementation Plan version. Each submission is a new row; rows are never updated.
create table plan_version (
    id                          bigint       generated always as identity primary key,
    designation_id              varchar(20)  not null references designation (id),
    version_number              integer      not null,
    service_offerings           text,
    acquisition_strategy        text,
    governance                  text,
    financial_infrastructure    text,
    organization                text,
    customer_engagement         text,
    standards_alignment         text,
    performance_measures        text,
    legacy_provider_transition  text,
    risks                       text,
    submitted_by                varchar(100) not null,
    submitted_at                timestamptz  not null,
    constraint plan_version_number_unique unique (designation_id, version_number)
);
