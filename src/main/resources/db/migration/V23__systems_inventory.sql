-- Systems inventory data calls (ADR 0028): a designated QSMO's director asks customer agencies for the systems they
-- run; each agency's points of contact submit its inventory (form lines or a CSV file), a new version per correction
-- (the old kept); the QSMO reads the consolidated inventory (the latest version of each agency).

create sequence data_call_number_seq;

create table data_call (
    id                   varchar(20)  primary key,
    designation_id       varchar(20)  not null references designation (id),
    title                varchar(200) not null,
    instructions         text,
    due_date             date         not null,
    process_instance_id  varchar(64),
    created_by           varchar(100) not null,
    created_at           timestamptz  not null
);

create index data_call_designation_idx on data_call (designation_id, id);

create table data_call_agency (
    data_call_id         varchar(20)  not null references data_call (id),
    agency_code          varchar(16)  not null references agency (code),
    latest_version       integer,
    systems              integer,
    first_submitted_at   timestamptz,
    last_submitted_at    timestamptz,
    primary key (data_call_id, agency_code)
);

create table inventory_submission (
    id             bigint       generated always as identity primary key,
    data_call_id   varchar(20)  not null,
    agency_code    varchar(16)  not null,
    version        integer      not null,
    source         varchar(8)   not null check (source in ('FORM', 'CSV', 'API')),
    systems        integer      not null,
    submitted_by   varchar(100) not null,
    submitted_at   timestamptz  not null,
    constraint inventory_submission_version unique (data_call_id, agency_code, version),
    constraint inventory_submission_agency foreign key (data_call_id, agency_code)
        references data_call_agency (data_call_id, agency_code)
);

create table inventory_system (
    submission_id              bigint        not null references inventory_submission (id),
    row_number                 integer       not null,
    system_name                varchar(200)  not null,
    functions                  text          not null,
    provider                   varchar(200)  not null,
    hosting                    varchar(32)   not null,
    contract_end_date          date,
    annual_cost                numeric(15, 2) check (annual_cost >= 0),
    modernization_plan         text,
    modernization_target_date  date,
    primary key (submission_id, row_number)
);
