-- Shared by every service (libs/messaging). Versions below 1 so a service's own migrations follow.

-- Events waiting to leave. Written in the same transaction as the state change that caused them;
-- the relay publishes them in id order and deletes them once the broker has acknowledged.
create table outbox (
    id          bigint generated always as identity primary key,
    topic       varchar(249) not null,
    record_key  varchar(255),
    headers     jsonb        not null,
    payload     bytea        not null,
    created_at  timestamptz  not null default now()
);

-- Wakes the relay at commit instead of making it poll; one notification per transaction.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('arrears_outbox', '');
    return null;
end;
$$;

create trigger outbox_inserted after insert on outbox
    for each statement execute function outbox_notify();

-- Events already applied, per consumer, so a redelivery changes nothing.
create table inbox (
    consumer     varchar(100) not null,
    event_id     varchar(255) not null,
    received_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);

create index inbox_received_at on inbox (received_at);
