-- The proposed service offerings of a plan version, one row per offering in the plan's order
-- (position 1, 2, ...). Written with the plan version and never updated, like it; the section's text
-- stays on plan_version for the completeness check and the comparison of versions.
-- Versions submitted before this migration keep their text only.

create table plan_service_offering (
    plan_version_id   bigint       not null references plan_version (id),
    position          integer      not null,
    name              varchar(200) not null,
    provider_type     varchar(16)  not null,
    provider          varchar(200) not null,
    contract_vehicle  varchar(200) not null,
    primary key (plan_version_id, position),
    constraint plan_service_offering_position check (position between 1 and 50),
    constraint plan_service_offering_provider_type check (provider_type in ('FEDERAL', 'COMMERCIAL'))
);
