-- Financial decisions on a case, for the auditors: every plan agreed, every waiver and write-off, every
-- supervisor override of an agent's limit, every refusal, with the limits in force at that moment.
-- Rows are only ever inserted.
create table plan_audit (
    id            bigserial      primary key,
    at            timestamptz    not null,
    actor         varchar(128)   not null,
    authority     varchar(16)    not null,
    case_id       varchar(64)    not null,
    plan_id       varchar(64),
    action        varchar(32)    not null,
    covered       numeric(19, 4),
    to_pay        numeric(19, 4),
    forgiven      numeric(19, 4),
    currency      char(3),
    detail        text           not null,
    limits        text           not null
);

create index plan_audit_case on plan_audit (case_id, id);

alter table repayment_plan add column written_off numeric(19, 4) not null default 0;
