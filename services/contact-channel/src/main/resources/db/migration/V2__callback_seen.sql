-- Provider callbacks already taken, by signature, so that one captured and sent again inside the
-- signing window is refused. Rows older than the window can no longer be replayed and are purged.
create table callback_seen (
    mac        char(64)    primary key,
    signed_at  timestamptz not null,
    seen_at    timestamptz not null
);

create index callback_seen_signed_at on callback_seen (signed_at);
