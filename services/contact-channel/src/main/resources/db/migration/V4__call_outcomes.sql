-- The call rules count by number and by outcome: unanswered calls to one number a day (cn), answered
-- calls with one debtor a day (cn), and the last conversation about a debt (us-reg-f). The number is
-- kept as its keyed digest only.
alter table contact_attempt add column destination_digest char(64);
alter table contact_attempt add column call_outcome varchar(16);

create index contact_attempt_voice_number on contact_attempt (destination_digest, attempted_at) where channel = 'VOICE';
create index contact_attempt_voice_customer on contact_attempt (customer_id, attempted_at) where channel = 'VOICE';
