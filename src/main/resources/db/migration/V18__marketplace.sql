-- The marketplace of each designated QSMO: its offerings (seeded from the plan OMB designated, then kept by the
-- QSMO's directors), the customer agencies using each, and every change to an offering.

create table marketplace_offering (
    id                bigint       generated always as identity primary key,
    designation_id    varchar(20)  not null references designation (id),
    name              varchar(200) not null,
    description       text,
    provider_type     varchar(16)  not null check (provider_type in ('FEDERAL', 'COMMERCIAL')),
    provider          varchar(200) not null,
    contract_vehicle  varchar(200),
    status            varchar(16)  not null check (status in ('PLANNED', 'AVAILABLE', 'RETIRED')),
    source            varchar(16)  not null check (source in ('PLAN', 'DIRECTOR')),
    version           integer      not null,
    created_by        varchar(100) not null,
    created_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    constraint marketplace_offering_available_has_vehicle
        check (status <> 'AVAILABLE' or contract_vehicle is not null)
);

create index marketplace_offering_designation_idx on marketplace_offering (designation_id, id);
create index marketplace_offering_status_idx on marketplace_offering (status, id);

create table marketplace_offering_customer (
    offering_id  bigint      not null references marketplace_offering (id),
    agency_code  varchar(16) not null references agency (code),
    primary key (offering_id, agency_code)
);

create index marketplace_offering_customer_agency_idx on marketplace_offering_customer (agency_code);

create table marketplace_offering_change (
    id           bigint       generated always as identity primary key,
    offering_id  bigint       not null references marketplace_offering (id),
    version      integer      not null,
    changed_by   varchar(100) not null,
    changed_at   timestamptz  not null,
    action       varchar(16)  not null,
    summary      text         not null
);

create index marketplace_offering_change_offering_idx on marketplace_offering_change (offering_id, id);
