-- One assessment of a QSMO under way at a time (ADR 0026): an order while another is under way is refused, also when
-- two arrive at the same moment; an anniversary that comes during an ordered assessment is covered by it.
create unique index qsmo_assessment_one_under_way on qsmo_assessment (designation_id)
    where status in ('AWAITING_SUBMISSION', 'UNDER_BOARD_REVIEW', 'AWAITING_OMB_DECISION');
