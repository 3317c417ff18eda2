-- The chair's consolidated recommendation of a round, the conditions the board attaches (tracked
-- until resolved), and OMB's formal designation.

alter table board_round add column recommendation varchar(32);
alter table board_round add column recommendation_comments text;
alter table board_round add column consolidated_by varchar(100);
alter table board_round add column consolidated_at timestamptz;
alter table board_round add constraint board_round_recommendation check (recommendation in
    ('ENDORSE', 'ENDORSE_WITH_CONDITIONS', 'RETURN_FOR_REVISION', 'NOT_ENDORSE'));

create table designation_condition (
    id              bigint       generated always as identity primary key,
    designation_id  varchar(20)  not null references designation (id),
    round_id        bigint       not null references board_round (id),
    text            text         not null,
    status          varchar(16)  not null default 'OPEN',
    constraint designation_condition_status check (status in ('OPEN', 'RESOLVED'))
);

alter table designation add column designated_scope text;
alter table designation add column effective_date date;
alter table designation add column designated_plan_version integer;

alter table designation drop constraint designation_status;
alter table designation add constraint designation_status check (status in
    ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED', 'UNDER_BOARD_REVIEW', 'AWAITING_OMB_DECISION',
     'DESIGNATED', 'NOT_DESIGNATED', 'CANCELLED', 'WITHDRAWN'));

alter table designation_event alter column action type varchar(64);
