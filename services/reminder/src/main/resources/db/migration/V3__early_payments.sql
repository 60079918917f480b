-- PaymentReceived and PaymentMissed travel on different topics, so a payment can arrive before the
-- miss that opens its case. It is kept here and applied, in business order (the time the account
-- service wrote each event), when the case opens; a payment older than the miss is stale and dropped.
create table early_payment (
    payment_id         varchar(128)  primary key,
    account_id         varchar(128)  not null,
    amount             numeric(19,4) not null,
    remaining_overdue  numeric(19,4) not null,
    currency           char(3)       not null,
    cured              boolean       not null,
    occurred_at        timestamptz   not null
);

create index early_payment_account on early_payment (account_id, occurred_at);
