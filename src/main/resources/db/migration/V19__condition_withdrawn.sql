-- A condition still open when its QSMO is superseded is withdrawn: its process ends, its history says why.
alter table designation_condition drop constraint designation_condition_status;
alter table designation_condition add constraint designation_condition_status
    check (status in ('OPEN', 'REPORTED', 'OVERDUE', 'MET', 'NOT_MET', 'WITHDRAWN'));
