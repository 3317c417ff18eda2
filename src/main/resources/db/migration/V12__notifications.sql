-- The e-mail outbox (docs/adr/0018): one row per message and recipient, written in the transaction of
-- the step that causes it, sent after commit by whichever node claims it first (FOR UPDATE SKIP LOCKED).
create table notification_message (
  id                bigserial primary key,
  kind              varchar(30)   not null,
  recipient_user_id varchar(255),
  recipient_address varchar(320),
  subject           varchar(300)  not null,
  body_text         text          not null,
  body_html         text          not null,
  task_id           varchar(64),
  record_id         varchar(255),
  status            varchar(20)   not null check (status in ('PENDING', 'SENT', 'UNDELIVERABLE')),
  attempts          integer       not null default 0,
  next_attempt_at   timestamptz   not null,
  created_at        timestamptz   not null,
  sent_at           timestamptz,
  last_error        varchar(1000)
);

-- What the sender looks for, what the administrators list, what the clean-up deletes: each its own small index.
create index notification_message_pending on notification_message (next_attempt_at, id) where status = 'PENDING';
create index notification_message_undeliverable on notification_message (id) where status = 'UNDELIVERABLE';
create index notification_message_sent on notification_message (sent_at) where status = 'SENT';

-- A user's own choice: false stops every e-mail to them. No row: e-mail on.
create table notification_preference (
  user_id       varchar(255) primary key,
  email_enabled boolean      not null,
  updated_at    timestamptz  not null
);
