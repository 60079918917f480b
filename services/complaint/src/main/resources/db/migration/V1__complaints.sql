create table complaint (
    id                  varchar(64)  primary key,
    account_id          varchar(128) not null,
    customer_id         varchar(128),
    category            varchar(32)  not null,
    description         text         not null,
    received_via        varchar(32)  not null,
    evidence_refs       text         not null,
    cardholder_timezone varchar(64),
    holds_contact       boolean      not null,
    state               varchar(32)  not null,
    outcome             varchar(32),
    remedy              text,
    regulator_reference text,
    received_at         timestamptz  not null,
    acknowledged_at     timestamptz,
    resolved_at         timestamptz,
    acknowledge_due     timestamptz  not null,
    resolve_due         timestamptz  not null,
    ack_breached_at     timestamptz,
    resolve_breached_at timestamptz,
    received_by         varchar(128) not null
);
create index complaint_account on complaint (account_id, received_at);
create index complaint_open_due on complaint (resolve_due) where state <> 'RESOLVED';

-- The audit trail: who did what, when. Only ever added to; the database itself refuses changes.
create table complaint_audit (
    id            bigserial    primary key,
    complaint_id  varchar(64)  not null references complaint (id),
    actor         varchar(128) not null,
    action        varchar(32)  not null,
    detail        text,
    at            timestamptz  not null
);
create index complaint_audit_complaint on complaint_audit (complaint_id, at, id);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% on % is not allowed: complaints and their audit trail are kept whole', tg_op, tg_table_name;
end;
$$;
create trigger complaint_audit_append_only before update or delete on complaint_audit
    for each row execute function refuse_change();
create trigger complaint_never_deleted before delete on complaint
    for each row execute function refuse_change();

-- What the bank actually did, as the evidence for a complaint: every contact outcome and case fact.
create table contact_event (
    reminder_id   varchar(128) not null,
    status        varchar(16)  not null,
    account_id    varchar(128) not null,
    case_id       varchar(128),
    channel       varchar(16)  not null,
    reason        text,
    at            timestamptz  not null,
    primary key (reminder_id, status)
);
create index contact_event_account on contact_event (account_id, at);

create table account_fact (
    account_id     varchar(128) primary key,
    customer_id    varchar(128) not null,
    days_past_due  integer      not null,
    bucket         varchar(16)  not null,
    amount_overdue numeric(19, 4) not null,
    currency       char(3)      not null,
    updated_at     timestamptz  not null
);
