-- Phone digests become keyed (HMAC-SHA256 with a secret): a plain SHA-256 of a phone number is reversed
-- by trying every number. Rows digested the old way are re-digested at start-up, then marked.
alter table customer_phone add column digest_keyed boolean not null default false;
