-- The sender tells one person of the tasks assigned to them for one record in one message (a digest): it looks
-- for the other events of the same assignee and record while it writes a batch.
create index notification_task_event_assignee on notification_task_event (assignee, record_id, id)
  where kind = 'TASK_ASSIGNED';
