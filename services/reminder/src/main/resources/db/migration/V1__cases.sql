-- One row per delinquency episode of an account. The state is derived from the facts beside it
-- (holds, promise, plan, escalation) and kept here for queries and the work queue.
create table collection_case (
    id               varchar(64)    primary key,
    account_id       varchar(128)   not null,
    customer_id      varchar(128)   not null,
    currency         char(3)        not null,
    state            varchar(20)    not null,
    arm              varchar(16)    not null,
    segment          varchar(64)    not null,
    product          varchar(64),
    bucket           varchar(16)    not null,
    -- The bucket whose ladder steps are scheduled; a PaymentMissed for another bucket schedules that one.
    ladder_bucket    varchar(16),
    days_past_due    int            not null,
    -- Day 1 past due: ladder day N falls on day_one + N - 1.
    day_one          date           not null,
    statement_id     varchar(128),
    due_date         date,
    amount_overdue   numeric(19, 4) not null,
    minimum_due      numeric(19, 4) not null,
    total_balance    numeric(19, 4) not null,
    escalation       varchar(16),
    broken_promises  int            not null,
    broken_plans     int            not null,
    agent_task_since timestamptz,
    active_plan_id   varchar(64),
    paid_in_plan     numeric(19, 4) not null,
    opened_at        timestamptz    not null,
    closed_at        timestamptz,
    closed_reason    varchar(32),
    version          bigint         not null
);

-- An account has at most one open episode: this index is the rule, not only a lookup.
create unique index collection_case_open on collection_case (account_id) where state <> 'CLOSED';
create index collection_case_queue on collection_case (agent_task_since) where agent_task_since is not null;
create index collection_case_state on collection_case (state, bucket);

create table case_timeline (
    id      bigserial    primary key,
    case_id varchar(64)  not null references collection_case (id),
    at      timestamptz  not null,
    actor   varchar(128) not null,
    kind    varchar(32)  not null,
    detail  text         not null
);

create index case_timeline_case on case_timeline (case_id, id);

-- A step of the ladder, a fallback, a courtesy reminder or a promise check. The id is the
-- reminderId of the ReminderRequested it becomes, so a delivery outcome finds its step.
create table scheduled_step (
    id                  varchar(64)  primary key,
    case_id             varchar(64)  references collection_case (id),
    account_id          varchar(128) not null,
    kind                varchar(20)  not null,
    channel             varchar(16),
    template_id         varchar(128),
    bucket              varchar(16),
    ladder_day          int,
    due_at              timestamptz  not null,
    status              varchar(16)  not null,
    status_reason       text,
    fallback_of         varchar(64),
    tried_channels      varchar(64),
    reference           varchar(64),
    fired_at            timestamptz,
    outcome_at          timestamptz,
    provider_message_id varchar(256),
    -- The template facts as sent (JSON), kept as evidence of what the cardholder was told.
    facts               text,
    created_at          timestamptz  not null
);

-- The scheduler's only query: pending rows that have fallen due, oldest first.
create index scheduled_step_due on scheduled_step (due_at) where status = 'PENDING';
create index scheduled_step_case on scheduled_step (case_id);

-- Every delivery outcome from contact-channel, in arrival order: the case's contact history.
create table contact_record (
    id                  bigserial    primary key,
    step_id             varchar(64)  not null,
    case_id             varchar(64),
    account_id          varchar(128) not null,
    channel             varchar(16)  not null,
    status              varchar(16)  not null,
    reason              text,
    provider_message_id varchar(256),
    at                  timestamptz  not null
);

create index contact_record_case on contact_record (case_id, id);

-- Complaints that hold contact, per account; a case opened while one is open starts on hold.
create table contact_hold (
    complaint_id varchar(128) primary key,
    account_id   varchar(128) not null,
    category     varchar(32)  not null,
    opened_at    timestamptz  not null,
    released_at  timestamptz
);

create index contact_hold_open on contact_hold (account_id) where released_at is null;

create table promise_to_pay (
    id            varchar(64)    primary key,
    case_id       varchar(64)    not null references collection_case (id),
    amount        numeric(19, 4) not null,
    currency      char(3)        not null,
    promised_date date           not null,
    status        varchar(16)    not null,
    paid          numeric(19, 4) not null,
    made_by       varchar(128)   not null,
    made_at       timestamptz    not null,
    settled_at    timestamptz
);

create index promise_to_pay_case on promise_to_pay (case_id);

create table agent_contact (
    id         bigserial    primary key,
    case_id    varchar(64)  not null references collection_case (id),
    outcome    varchar(20)  not null,
    note       varchar(2000),
    agent      varchar(128) not null,
    at         timestamptz  not null,
    promise_id varchar(64)
);

create index agent_contact_case on agent_contact (case_id, id);

create table repayment_plan (
    id              varchar(64)    primary key,
    case_id         varchar(64)    not null references collection_case (id),
    account_id      varchar(128)   not null,
    type            varchar(16)    not null,
    status          varchar(16)    not null,
    total           numeric(19, 4) not null,
    currency        char(3)        not null,
    waived_interest numeric(19, 4),
    waived_fees     numeric(19, 4),
    agreed_by       varchar(128)   not null,
    agreed_at       timestamptz    not null,
    ended_at        timestamptz
);

create index repayment_plan_case on repayment_plan (case_id);

create table plan_instalment (
    plan_id  varchar(64)    not null references repayment_plan (id),
    seq      int            not null,
    due_date date           not null,
    amount   numeric(19, 4) not null,
    primary key (plan_id, seq)
);
