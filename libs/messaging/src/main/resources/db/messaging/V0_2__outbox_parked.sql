-- A Kafka record key has no length limit; a dead letter keeps the key it came with.
alter table outbox alter column record_key type text;

-- Rows Kafka refuses for good (too large, an invalid topic). The relay moves them here with the
-- reason so that the rows behind them can leave; a person fixes the cause and replays them.
create table outbox_parked (
    id          bigint       primary key,
    topic       varchar(249) not null,
    record_key  text,
    headers     jsonb        not null,
    payload     bytea        not null,
    created_at  timestamptz  not null,
    parked_at   timestamptz  not null default now(),
    reason      text         not null
);
