-- Request for Information evaluation: the evaluation plan (frozen once approved), the responses with
-- their screening, the panel with attestations and conflicts, the reviewers' assignments, the score
-- sheets (a correction is a new version; nothing is overwritten), consensus, reports and the audit trail.
-- The RFI's id is the business key of its rfi-evaluation process instance.

create sequence rfi_number_seq;
create sequence rfi_response_number_seq;

create table rfi (
    id                     varchar(20)  primary key,
    title                  varchar(200) not null,
    description            text         not null,
    agency_code            varchar(16)  not null references agency (code),
    closes_at              timestamptz  not null,
    allow_late             boolean      not null,
    panel_chair_id         varchar(100) not null,
    scale_type             varchar(16)  not null,
    reviewers_per_response integer,
    status                 varchar(24)  not null,
    plan_approved_at       timestamptz,
    plan_approved_by       varchar(100),
    screening_confirmed_at timestamptz,
    scoring_due_at         timestamptz,
    process_instance_id    varchar(64),
    created_by             varchar(100) not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    constraint rfi_scale_type check (scale_type in ('NUMERIC', 'ADJECTIVAL', 'CONFIDENCE')),
    constraint rfi_status check (status in ('PLAN_DRAFTED', 'PLAN_RETURNED', 'OPEN', 'SCREENING', 'PANEL_FORMING',
        'ATTESTATION', 'SCORING', 'CONSENSUS', 'REPORT_REVIEW', 'COMPLETED', 'CLOSED_NO_RESPONSES', 'CANCELLED'))
);

create table rfi_topic (
    rfi_id    varchar(20)  not null references rfi (id),
    position  integer      not null,
    topic     varchar(500) not null,
    primary key (rfi_id, position)
);

create table rfi_criterion (
    rfi_id    varchar(20)  not null references rfi (id),
    position  integer      not null,
    name      varchar(200) not null,
    guidance  text         not null,
    weight    integer      not null check (weight between 1 and 100),
    primary key (rfi_id, position)
);

create table rfi_scale_level (
    rfi_id      varchar(20)  not null references rfi (id),
    value       integer      not null,
    label       varchar(60)  not null,
    definition  text         not null,
    primary key (rfi_id, value)
);

create table rfi_response (
    id                  varchar(20)  primary key,
    rfi_id              varchar(20)  not null references rfi (id),
    organization        varchar(200) not null,
    uei                 varchar(12),
    small_business      boolean      not null,
    contact_name        varchar(200) not null,
    contact_email       varchar(200) not null,
    proprietary         boolean      not null,
    received_at         timestamptz  not null,
    late                boolean      not null,
    submitted_by        varchar(100) not null,
    -- screening: the automatic checks, then the contracting officer's confirmation or override
    on_time             boolean,
    all_topics_answered boolean,
    eligible            boolean,
    override_reason     text,
    screened_by         varchar(100)
);

create index rfi_response_rfi_idx on rfi_response (rfi_id);

create table rfi_response_answer (
    response_id     varchar(20) not null references rfi_response (id),
    topic_position  integer     not null,
    answer          text        not null,
    primary key (response_id, topic_position)
);

create table rfi_attachment (
    id            bigint       generated always as identity primary key,
    response_id   varchar(20)  not null references rfi_response (id),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    content       bytea        not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz  not null
);

create index rfi_attachment_response_idx on rfi_attachment (response_id);

create table rfi_panel_member (
    rfi_id               varchar(20)  not null references rfi (id),
    user_id              varchar(100) not null,
    role                 varchar(16)  not null check (role in ('CHAIR', 'REVIEWER')),
    added_at             timestamptz  not null,
    added_by             varchar(100) not null,
    attested_at          timestamptz,
    attestation_version  varchar(40),
    conflict_statement   text,
    primary key (rfi_id, user_id)
);

-- A conflict a panel member declared with a response: the member is recused from it.
create table rfi_conflict (
    rfi_id       varchar(20)  not null,
    user_id      varchar(100) not null,
    response_id  varchar(20)  not null references rfi_response (id),
    primary key (rfi_id, user_id, response_id),
    foreign key (rfi_id, user_id) references rfi_panel_member (rfi_id, user_id)
);

create table rfi_assignment (
    id           bigint       generated always as identity primary key,
    rfi_id       varchar(20)  not null references rfi (id),
    response_id  varchar(20)  not null references rfi_response (id),
    reviewer_id  varchar(100) not null,
    status       varchar(16)  not null check (status in ('ASSIGNED', 'SCORED', 'WAIVED', 'REASSIGNED')),
    assigned_at  timestamptz  not null,
    closed_at    timestamptz,
    closed_by    varchar(100),
    constraint rfi_assignment_once unique (response_id, reviewer_id)
);

create index rfi_assignment_rfi_idx on rfi_assignment (rfi_id, status);
create index rfi_assignment_reviewer_idx on rfi_assignment (reviewer_id);

-- One reviewer's scores of one response. Version 1 is the submission; a correction adds a version.
create table rfi_score_sheet (
    id             bigint       generated always as identity primary key,
    assignment_id  bigint       not null references rfi_assignment (id),
    version        integer      not null,
    submitted_by   varchar(100) not null,
    submitted_at   timestamptz  not null,
    constraint rfi_score_sheet_version unique (assignment_id, version)
);

create table rfi_score (
    sheet_id            bigint   not null references rfi_score_sheet (id),
    criterion_position  integer  not null,
    rating              integer  not null,
    strengths           text,
    weaknesses          text,
    rationale           text     not null,
    primary key (sheet_id, criterion_position)
);

-- What aggregation found per response and criterion: the figures and the outlier decision's flags.
create table rfi_criterion_result (
    rfi_id              varchar(20)      not null references rfi (id),
    response_id         varchar(20)      not null references rfi_response (id),
    criterion_position  integer          not null,
    score_count         integer          not null,
    mean                double precision,
    min_rating          integer,
    max_rating          integer,
    standard_deviation  double precision,
    flagged             boolean          not null,
    flag_reasons        text,
    primary key (response_id, criterion_position)
);

-- The chair's consensus on one response; a response returned to the chair gets a new version.
create table rfi_consensus (
    id           bigint       generated always as identity primary key,
    rfi_id       varchar(20)  not null references rfi (id),
    response_id  varchar(20)  not null references rfi_response (id),
    version      integer      not null,
    dissent      text,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null,
    constraint rfi_consensus_version unique (response_id, version)
);

create table rfi_consensus_rating (
    consensus_id        bigint   not null references rfi_consensus (id),
    criterion_position  integer  not null,
    rating              integer  not null,
    rationale           text,
    primary key (consensus_id, criterion_position)
);

create table rfi_report (
    id            bigint       generated always as identity primary key,
    rfi_id        varchar(20)  not null references rfi (id),
    version       integer      not null,
    final         boolean      not null,
    generated_at  timestamptz  not null,
    pdf           bytea        not null,
    csv           bytea        not null,
    constraint rfi_report_version unique (rfi_id, version)
);

-- The audit trail of an RFI: who did what, when, and why. Rows are never updated.
create table rfi_event (
    id           bigint       generated always as identity primary key,
    rfi_id       varchar(20)  not null references rfi (id),
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    action       varchar(40)  not null,
    detail       text
);

create index rfi_event_rfi_idx on rfi_event (rfi_id, occurred_at);

-- What each open task of a multi-instance step is about (an assignment, a panel member, a response),
-- written when the task is created: a form submission cannot redirect its task to another subject.
create table rfi_task_subject (
    execution_id  varchar(64)  primary key,
    rfi_id        varchar(20)  not null references rfi (id),
    subject       varchar(120) not null
);
