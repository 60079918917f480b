create table account (
    id                varchar(128) primary key,
    customer_id       varchar(128) not null,
    currency          char(3)      not null,
    status            varchar(16)  not null,
    reported_bucket   varchar(16)  not null,
    bucket            varchar(16)  not null,
    days_past_due     int          not null,
    past_due_since    date,
    amount_overdue    numeric(19, 4) not null,
    total_balance     numeric(19, 4) not null,
    last_statement_date date,
    -- The first business date on which this account can change without new input; the
    -- end-of-day run selects by it, so a day only touches the accounts it can change.
    next_review_date  date,
    as_of             date,
    version           bigint       not null,
    updated_at        timestamptz  not null
);

create index account_next_review on account (next_review_date) where next_review_date is not null;
create index account_status_bucket on account (status, bucket, id);

create table statement (
    id                 varchar(128) primary key,
    account_id         varchar(128) not null references account (id),
    statement_date     date           not null,
    due_date           date           not null,
    statement_balance  numeric(19, 4) not null,
    minimum_due        numeric(19, 4) not null,
    minimum_paid       numeric(19, 4) not null,
    due_soon_announced boolean        not null
);

create index statement_account on statement (account_id, due_date);

create table payment (
    id          varchar(128) primary key,
    account_id  varchar(128)   not null references account (id),
    amount      numeric(19, 4) not null,
    currency    char(3)        not null,
    posted_at   timestamptz    not null,
    channel     varchar(64),
    received_at timestamptz    not null
);

create index payment_account on payment (account_id, posted_at);

create table repayment_plan (
    id              varchar(128) primary key,
    account_id      varchar(128)   not null references account (id),
    case_id         varchar(128)   not null,
    type            varchar(16)    not null,
    status          varchar(16)    not null,
    currency        char(3)        not null,
    waived_interest numeric(19, 4),
    waived_fees     numeric(19, 4),
    agreed_by       varchar(128)   not null,
    agreed_at       timestamptz    not null,
    ended_on        date
);

create index repayment_plan_account on repayment_plan (account_id, status);

create table instalment (
    id        varchar(160)   primary key,
    plan_id   varchar(128)   not null references repayment_plan (id),
    seq       int            not null,
    due_date  date           not null,
    amount    numeric(19, 4) not null,
    paid      numeric(19, 4) not null,
    unique (plan_id, seq)
);

-- Business days as core banking closed them; aged_at is set once every account due that day was reviewed.
create table business_day (
    business_date date primary key,
    closed_at     timestamptz not null,
    aged_at       timestamptz
);
