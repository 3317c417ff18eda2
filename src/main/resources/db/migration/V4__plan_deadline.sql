-- OMB can withdraw a pre-designation whose plan is overdue.
alter table designation drop constraint designation_status;
alter table designation add constraint designation_status check (status in
    ('IDENTIFIED', 'PRE_DESIGNATED', 'DECLINED', 'PLAN_SUBMITTED', 'CANCELLED', 'WITHDRAWN'));
