-- An SMS centre's delivery receipt that arrived before the record of its own send (the slice's results
-- are recorded after its sends): kept here instead of refused, and applied as soon as the attempt carries
-- the provider's message id. Refusing it made the SMS centre deliver it again and again.
create table early_receipt (
    provider_message_id text primary key,
    delivered           boolean     not null,
    detail              text,
    call_outcome        text,
    received_at         timestamptz not null
);
