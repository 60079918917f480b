-- Contact data: only the account holder's own contact points, as core banking last described them.
create table customer_profile (
    customer_id      varchar(128) primary key,
    name             text,
    email            text,
    postal_address   text,
    language         varchar(16),
    timezone         varchar(64),
    do_not_contact   boolean      not null,
    updated_at       timestamptz  not null
);

create table customer_phone (
    customer_id  varchar(128) not null references customer_profile (customer_id),
    number       text         not null,
    -- Inbound SMS (STOP replies) find the customer by a digest, so lookups never need the number in a log.
    digest       char(64)     not null,
    type         varchar(16),
    is_primary   boolean      not null,
    primary key (customer_id, number)
);
create index customer_phone_digest on customer_phone (digest);

create table customer_account (
    account_id   varchar(128) primary key,
    customer_id  varchar(128) not null
);
create index customer_account_customer on customer_account (customer_id);

-- The standing consent per channel. An opt-out recorded here outlives a later feed that does not
-- carry a newer decision of the cardholder's own.
create table channel_consent (
    customer_id  varchar(128) not null,
    channel      varchar(16)  not null,
    granted      boolean      not null,
    updated_at   timestamptz  not null,
    source       varchar(32)  not null,
    primary key (customer_id, channel)
);

create table consent_change (
    id           bigserial    primary key,
    customer_id  varchar(128) not null,
    channel      varchar(16)  not null,
    granted      boolean      not null,
    source       varchar(32)  not null,
    actor        varchar(128) not null,
    reason       text         not null,
    at           timestamptz  not null
);
create index consent_change_customer on consent_change (customer_id, at);

create table contact_hold (
    complaint_id  varchar(128) primary key,
    account_id    varchar(128) not null,
    opened_at     timestamptz  not null,
    released_at   timestamptz
);
create index contact_hold_open on contact_hold (account_id) where released_at is null;

-- One row per reminder, keyed by its id: the only way a message leaves is through this row's
-- PENDING -> SENDING -> SENT step, so a duplicate request or a restart cannot send it twice.
create table contact_attempt (
    reminder_id          varchar(128) primary key,
    case_id              varchar(128) not null,
    account_id           varchar(128) not null,
    customer_id          varchar(128),
    channel              varchar(16)  not null,
    template_id          varchar(64)  not null,
    language             varchar(16),
    facts                text         not null,
    status               varchar(16)  not null,
    status_reason        text,
    not_before           timestamptz  not null,
    next_attempt_at      timestamptz,
    tries                integer      not null,
    destination          text,
    provider_message_id  text,
    created_at           timestamptz  not null,
    attempted_at         timestamptz,
    finished_at          timestamptz
);
create index contact_attempt_due on contact_attempt (next_attempt_at) where status in ('PENDING', 'DEFERRED');
create index contact_attempt_sending on contact_attempt (attempted_at) where status = 'SENDING';
create index contact_attempt_account on contact_attempt (account_id, attempted_at);
create index contact_attempt_provider on contact_attempt (provider_message_id) where provider_message_id is not null;

-- Every decision of the compliance guard, with the rule that made it.
create table guard_decision (
    id           bigserial    primary key,
    reminder_id  varchar(128) not null,
    account_id   varchar(128) not null,
    channel      varchar(16)  not null,
    decision     varchar(16)  not null,
    rule         varchar(32)  not null,
    detail       text,
    until        timestamptz,
    policy_pack  varchar(32)  not null,
    decided_at   timestamptz  not null
);
create index guard_decision_account on guard_decision (account_id, decided_at);

