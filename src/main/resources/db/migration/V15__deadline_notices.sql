-- The deadline watch (notification module): which reminder or overdue notice was recorded for which task
-- and deadline, so that each is sent once, across restarts and nodes. A deadline moved later (an extension)
-- is a new deadline and gets its own notices.
create table deadline_notice (
    task_id     varchar(64)  not null,
    kind        varchar(16)  not null check (kind in ('REMINDER', 'OVERDUE')),
    deadline    timestamptz  not null,
    noticed_at  timestamptz  not null,
    primary key (task_id, kind, deadline)
);

create index deadline_notice_noticed_at_idx on deadline_notice (noticed_at);
