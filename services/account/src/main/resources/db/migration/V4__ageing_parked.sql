-- Accounts end-of-day ageing could not review for a reason that would fail again (a bug, a value a
-- newer release wrote). The day's ageing goes on without them; each waits here, with the reason, for
-- a person, and is tried again on the next business day.
create table ageing_parked (
    account_id     varchar(128) not null,
    business_date  date         not null,
    reason         text         not null,
    parked_at      timestamptz  not null default now(),
    primary key (account_id, business_date)
);
