-- A task assigned or offered (docs/adr/0032): one row in the step's transaction, naming the task and whom it
-- concerns. The sender turns it into one notification_message per recipient (who they are, their address,
-- whether they switched e-mail off, whether they may be told) and deletes it, in one transaction of its own.
create table notification_task_event (
  id               bigserial primary key,
  kind             varchar(30)  not null,
  task_id          varchar(64)  not null,
  task_name        text,
  process_name     text,
  record_id        text,
  due_at           timestamptz,
  assignee         text,
  candidate_users  text[]       not null,
  candidate_groups text[]       not null,
  created_at       timestamptz  not null
);
