-- At most one successor of a designation can be under way at a time, even when two orders race.
create unique index designation_one_open_successor on designation (supersedes_id)
    where status in ('IDENTIFIED', 'PRE_DESIGNATED', 'PLAN_SUBMITTED', 'UNDER_BOARD_REVIEW', 'AWAITING_OMB_DECISION');
