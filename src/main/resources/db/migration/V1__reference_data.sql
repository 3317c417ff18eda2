-- Reference data: agencies and the mission-support functional areas of the QSMO program.
-- Both are data, not code: new rows need no release of the application.

create table agency (
    code        varchar(16)  primary key,
    name        varchar(200) not null,
    short_name  varchar(40)  not null,
    constraint agency_code_format check (code ~ '^[A-Z][A-Z0-9]{1,15}$')
);

create table functional_area (
    code               varchar(16)  primary key,
    name               varchar(200) not null,
    description        text         not null,
    lead_agency_code   varchar(16)  references agency (code),
    constraint functional_area_code_format check (code ~ '^[A-Z][A-Z0-9]{1,15}$')
);

insert into agency (code, name, short_name) values
    ('DHS',   'Department of Homeland Security (Cybersecurity and Infrastructure Security Agency)', 'DHS / CISA'),
    ('TREAS', 'Department of the Treasury (Bureau of the Fiscal Service)', 'Treasury'),
    ('GSA',   'General Services Administration', 'GSA'),
    ('OPM',   'Office of Personnel Management', 'OPM'),
    ('HHS',   'Department of Health and Human Services', 'HHS');

insert into functional_area (code, name, description, lead_agency_code) values
    ('CYBER',  'Cybersecurity services',
               'SOC standardization, vulnerability management, protective DNS resolver.', 'DHS'),
    ('FM',     'Core financial management',
               'Core financial management solutions; commercial vendors join through a GSA Multiple Award Schedule special item number.', 'TREAS'),
    ('HR',     'Civilian HR transaction services',
               'Compensation, work schedule and leave, then the wider HR IT portfolio.', 'OPM'),
    ('GRANTS', 'Grants management',
               'Grants management solutions, preceded by a grants readiness assessment.', 'HHS'),
    ('ACQ',    'Acquisition',
               'Acquisition solutions (announced 2026).', 'GSA');
