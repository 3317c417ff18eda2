-- A designation whose process instance was deleted (for example, started by mistake) is CANCELLED.
alter table designation drop constraint designation_status;
alter table designation add constraint designation_status check (status in
    ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED', 'CANCELLED'));
