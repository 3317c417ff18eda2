-- A designation's scope as versions: the scope OMB designated is version 1, each amendment the next, with who, when
-- and why. And the transition after a redesignation: the milestones from the superseded QSMO to its successor,
-- followed until OMB closes it.

create table designation_scope_version (
    designation_id  varchar(20)  not null references designation (id),
    version         integer      not null,
    scope           text         not null,
    changed_by      varchar(100) not null,
    changed_at      timestamptz  not null,
    reason          text,
    primary key (designation_id, version)
);

insert into designation_scope_version (designation_id, version, scope, changed_by, changed_at, reason)
select id, 1, designated_scope, 'record', coalesce(effective_date::timestamptz, created_at), 'The scope designated.'
from designation where designated_scope is not null;

create table designation_transition (
    id                    bigint       generated always as identity primary key,
    from_designation_id   varchar(20)  not null references designation (id),
    to_designation_id     varchar(20)  not null unique references designation (id),
    started_at            timestamptz  not null,
    services_migrated_at  timestamptz,
    agencies_moved_at     timestamptz,
    offerings_retired_at  timestamptz,
    closed_at             timestamptz,
    closed_by             varchar(100),
    process_instance_id   varchar(64)
);

create index designation_transition_from_idx on designation_transition (from_designation_id);
