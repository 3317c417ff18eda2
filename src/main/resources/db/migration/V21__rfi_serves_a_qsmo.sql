-- An RFI serves a designated QSMO's marketplace (ADR 0027): it names the designation; RFIs drafted before this change
-- serve their issuing agency's QSMO designated first, if it has one. After the final report, the QSMO's directors
-- decide which ranked responses become candidate offerings of its marketplace: planned offerings that come from
-- the RFI, available once their contract vehicle is recorded.

alter table rfi add column designation_id varchar(20) references designation (id);
update rfi r set designation_id = (select min(d.id) from designation d
                                   where d.agency_code = r.agency_code and d.status = 'DESIGNATED');
create index rfi_designation_idx on rfi (designation_id);

alter table marketplace_offering drop constraint if exists marketplace_offering_source_check;
alter table marketplace_offering add constraint marketplace_offering_source
    check (source in ('PLAN', 'DIRECTOR', 'RFI'));
alter table marketplace_offering add column rfi_id varchar(20) references rfi (id);
alter table marketplace_offering add column response_id varchar(20) references rfi_response (id);
-- a response becomes a candidate of its QSMO's marketplace once
create unique index marketplace_offering_response_once on marketplace_offering (response_id)
    where response_id is not null;

-- The QSMO's decision on an RFI's ranked responses: one per RFI, with who decided, when and how many.
create table marketplace_rfi_decision (
    rfi_id               varchar(20)  primary key references rfi (id),
    designation_id       varchar(20)  not null references designation (id),
    process_instance_id  varchar(64),
    status               varchar(16)  not null check (status in ('PENDING', 'DECIDED', 'CANCELLED')),
    candidates           integer,
    note                 text,
    decided_by           varchar(100),
    decided_at           timestamptz,
    created_at           timestamptz  not null
);
