-- The whitelist, as configured: rewritten from agency.agencies.* at every start, so the table is what the
-- bank publishes and what placement locks to count capacity.
create table agency (
    id             text primary key,
    name           text not null,
    regions        text not null,
    buckets        text not null,
    min_balance    numeric(19, 4) not null,
    max_balance    numeric(19, 4) not null,
    capacity       integer not null,
    commission     text not null,
    contract_from  date not null,
    contract_until date not null,
    reviewed_on    date not null,
    channels       text not null,
    data_fields    text not null,
    listed         boolean not null
);

-- The bank's own records an agency's work is judged on: the account's arrears from PaymentMissed and
-- PaymentReceived, open complaints that hold contact, and the cardholder's contact profile.
create table account_file (
    account_id     text primary key,
    customer_id    text not null,
    bucket         text not null,
    days_past_due  integer not null,
    amount_overdue numeric(19, 4) not null,
    total_balance  numeric(19, 4) not null,
    currency       char(3) not null,
    card_last4     text,
    holds          integer not null default 0,
    updated_at     timestamptz not null
);
create index account_file_customer on account_file (customer_id);

create table customer_file (
    customer_id    text primary key,
    name           text,
    -- the cardholder's own numbers, one per line; the only numbers an agency may call
    phones         text,
    address        text,
    region         text,
    timezone       text,
    do_not_contact boolean not null default false,
    updated_at     timestamptz not null
);

create table placement (
    id                 text primary key,
    case_id            text not null,
    account_id         text not null,
    agency_id          text references agency (id),
    status             text not null,
    arm                text,
    bucket             text not null,
    days_past_due      integer not null,
    amount_overdue     numeric(19, 4) not null,
    currency           char(3) not null,
    placed_at          timestamptz not null,
    placed_until       timestamptz,
    recalled_at        timestamptz,
    recall_reason      text,
    recall_detail      text,
    recalled_by        text,
    unplaced_reason    text,
    previous_id        text references placement (id),
    version            integer not null default 0
);
-- An account is with one agency at a time.
create unique index placement_one_active_account on placement (account_id) where status = 'ACTIVE';
create index placement_agency on placement (agency_id, status);
create index placement_until on placement (placed_until) where status = 'ACTIVE';
create index placement_case on placement (case_id);

-- Every action an agency asked to take: allowed ones with their outcome once reported, refused ones
-- with the rule that refused them (the scorecard counts them as violations prevented).
create table agency_action (
    id              text primary key,
    placement_id    text not null references placement (id),
    agency_id       text not null,
    account_id      text not null,
    customer_id     text,
    action          text not null,
    number_digest   text,
    status          text not null,
    rule            text,
    detail          text,
    outcome         text,
    conversation    boolean,
    promised_amount numeric(19, 4),
    promised_date   date,
    acted_at        timestamptz not null,
    reported_at     timestamptz,
    requested_by    text not null
);
create index agency_action_placement on agency_action (placement_id, acted_at);
create index agency_action_agency on agency_action (agency_id, acted_at);

-- Every contact with a cardholder, whoever made it, for the caps and call limits: the bank's reminders
-- (ReminderSent), its agents' calls (AgentCallLogged) and the agencies' own actions.
create table contact_log (
    id            text primary key,
    account_id    text not null,
    customer_id   text,
    channel       text not null,
    number_digest text,
    answered      boolean not null,
    conversation  boolean not null,
    at            timestamptz not null
);
create index contact_log_account on contact_log (account_id, at);
create index contact_log_customer on contact_log (customer_id, at);

-- Payments the bank received during a placement: commission is paid on these, never on an agency's own figures.
create table collection (
    payment_id   text primary key,
    placement_id text not null references placement (id),
    agency_id    text not null,
    account_id   text not null,
    bucket       text not null,
    amount       numeric(19, 4) not null,
    currency     char(3) not null,
    received_at  timestamptz not null
);
create index collection_agency on collection (agency_id, received_at);

-- What an agency says it collected, kept beside the bank's own record so the two can be reconciled.
create table agency_claim (
    id           text primary key,
    placement_id text not null references placement (id),
    agency_id    text not null,
    reference    text not null,
    amount       numeric(19, 4) not null,
    currency     char(3) not null,
    collected_on date not null,
    reported_at  timestamptz not null,
    unique (agency_id, reference)
);
