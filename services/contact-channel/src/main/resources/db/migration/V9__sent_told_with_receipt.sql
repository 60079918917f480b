-- A text's receipt comes within seconds of its send, and a statement day sends tens of thousands: its SENT is told
-- with the receipt's outcome (ReminderSent.sentAt) rather than as an event of its own. sent_at keeps the moment the
-- provider took the message, for that event; tell_sent_after, in the database's time, is when a SENT whose receipt
-- has not come is told alone. Only the rows waiting are in the index the sweep reads.
alter table contact_attempt add column sent_at timestamptz, add column tell_sent_after timestamptz;
create index contact_attempt_sent_untold on contact_attempt (tell_sent_after) where tell_sent_after is not null;
