-- A board review round of one plan version: who may vote, who is recused and why, and the votes.
-- Votes live here, one row per member, never in a shared process variable.

create table board_round (
    id                   bigint       generated always as identity primary key,
    designation_id       varchar(20)  not null references designation (id),
    round_number         integer      not null,
    plan_version_number  integer      not null,
    opened_at            timestamptz  not null,
    closes_at            timestamptz  not null,
    closed_at            timestamptz,
    constraint board_round_number_unique unique (designation_id, round_number)
);

create table board_round_member (
    round_id        bigint       not null references board_round (id),
    member_id       varchar(100) not null,
    agency_code     varchar(16),
    recused         boolean      not null,
    recusal_reason  text,
    primary key (round_id, member_id)
);

create table board_vote (
    id                   bigint       generated always as identity primary key,
    round_id             bigint       not null references board_round (id),
    member_id            varchar(100) not null,
    recommendation       varchar(32)  not null,
    comments             text,
    proposed_conditions  text,
    submitted_at         timestamptz  not null,
    constraint board_vote_once unique (round_id, member_id),
    constraint board_vote_recommendation check (recommendation in
        ('ENDORSE', 'ENDORSE_WITH_CONDITIONS', 'RETURN_FOR_REVISION', 'NOT_ENDORSE'))
);

-- A member's comment on one section of the plan.
create table board_vote_comment (
    vote_id  bigint      not null references board_vote (id),
    section  varchar(40) not null,
    comment  text        not null,
    primary key (vote_id, section)
);

alter table designation drop constraint designation_status;
alter table designation add constraint designation_status check (status in
    ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED', 'UNDER_BOARD_REVIEW', 'CANCELLED', 'WITHDRAWN'));
