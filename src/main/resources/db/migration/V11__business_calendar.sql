-- Days an administrator closed the offices without a release (unscheduled OPM closures, a day given
-- by executive order): not business days. Federal holidays are rules in code (FederalHolidays).
create table closure_day (
    day      date primary key,
    reason   varchar(500) not null,
    added_by varchar(255) not null,
    added_at timestamp with time zone not null
);
