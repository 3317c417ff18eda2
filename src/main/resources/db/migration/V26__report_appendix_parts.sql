-- Appendix A of a large evaluation report in parts (ADR 0036): every individual score of up to 50 responses per
-- part, each an accessible PDF of its own, kept with the report's version.
create table rfi_report_appendix (
    rfi_id     varchar(20)  not null,
    version    integer      not null,
    part       integer      not null check (part >= 1),
    responses  integer      not null,
    pdf        bytea        not null,
    primary key (rfi_id, version, part),
    constraint rfi_report_appendix_report foreign key (rfi_id, version) references rfi_report (rfi_id, version)
);
