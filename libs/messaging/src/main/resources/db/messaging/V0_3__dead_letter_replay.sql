-- What was replayed from a dead-letter topic, by whom and when, one row per dead letter: a second
-- replay of the same dead letter finds its row and leaves it alone.
create table dead_letter_replay (
    dlq_topic       varchar(249) not null,
    dlq_partition   int          not null,
    dlq_offset      bigint       not null,
    original_topic  varchar(249) not null,
    event_id        text,
    dlq_reason      text,
    outcome         varchar(20)  not null,
    detail          text,
    replayed_by     varchar(200) not null,
    replayed_at     timestamptz  not null default now(),
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
