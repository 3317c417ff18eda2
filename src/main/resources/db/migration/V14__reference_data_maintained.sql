-- Reference data OMB maintains (ADR 0020): agencies and functional areas are added, renamed and retired
-- through the API and a Tasklist form. Codes never change; a retired row stays for the records that
-- name it, and is no longer offered for new work.

alter table agency add column retired_at timestamptz;
alter table functional_area add column retired_at timestamptz;

-- Two areas (or two agencies) with the same name would be indistinguishable in every form.
create unique index agency_name_unique on agency (lower(name));
create unique index functional_area_name_unique on functional_area (lower(name));

-- Every change, who made it and when: the program's reference data is a record too.
create table reference_data_change (
    id          bigserial    primary key,
    kind        varchar(20)  not null check (kind in ('AGENCY', 'FUNCTIONAL_AREA')),
    code        varchar(16)  not null,
    action      varchar(20)  not null check (action in ('ADDED', 'CHANGED', 'RETIRED', 'RESTORED')),
    detail      text         not null,
    changed_by  varchar(64)  not null,
    changed_at  timestamptz  not null default now()
);
create index reference_data_change_code on reference_data_change (kind, code, changed_at);

-- The CFO Act agencies (31 U.S.C. 901(b)) beyond the five the program started with: candidates for a QSMO,
-- board members' employers (for recusal) and customer agencies.
insert into agency (code, name, short_name) values
    ('USDA',  'Department of Agriculture', 'USDA'),
    ('DOC',   'Department of Commerce', 'Commerce'),
    ('DOD',   'Department of Defense', 'DoD'),
    ('ED',    'Department of Education', 'Education'),
    ('DOE',   'Department of Energy', 'Energy'),
    ('HUD',   'Department of Housing and Urban Development', 'HUD'),
    ('DOI',   'Department of the Interior', 'Interior'),
    ('DOJ',   'Department of Justice', 'Justice'),
    ('DOL',   'Department of Labor', 'Labor'),
    ('DOS',   'Department of State', 'State'),
    ('DOT',   'Department of Transportation', 'Transportation'),
    ('VA',    'Department of Veterans Affairs', 'VA'),
    ('EPA',   'Environmental Protection Agency', 'EPA'),
    ('NASA',  'National Aeronautics and Space Administration', 'NASA'),
    ('NSF',   'National Science Foundation', 'NSF'),
    ('NRC',   'Nuclear Regulatory Commission', 'NRC'),
    ('SBA',   'Small Business Administration', 'SBA'),
    ('SSA',   'Social Security Administration', 'SSA'),
    ('USAID', 'Agency for International Development', 'USAID');
