-- A plan an agent negotiated beyond their own limits, waiting for a supervisor. The terms are kept as the
-- agent sent them and judged again, against the case's figures of that moment, when a supervisor approves.
create table plan_approval (
    id             varchar(64)  primary key,
    case_id        varchar(64)  not null references collection_case (id),
    terms          text         not null,
    limit_name     varchar(32)  not null,
    reason         text         not null,
    status         varchar(16)  not null,
    requested_by   varchar(128) not null,
    requested_at   timestamptz  not null,
    decided_by     varchar(128),
    decided_at     timestamptz,
    decision_note  text,
    plan_id        varchar(64)
);

-- One request waits per case: a second would let two supervisors approve two plans for one debt.
create unique index plan_approval_one_pending on plan_approval (case_id) where status = 'PENDING';
create index plan_approval_queue on plan_approval (requested_at) where status = 'PENDING';
