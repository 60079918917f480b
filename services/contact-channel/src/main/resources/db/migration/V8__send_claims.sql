-- Which transaction marked an attempt SENDING. A transaction whose commit fails without an answer (the database
-- crashed or the connection dropped after the server committed) may have committed after all; its thread, which
-- knows it has sent nothing, finds the attempts still SENDING under its own claim and sends them, where the
-- reconciler could only call a text or an email UNKNOWN.
alter table contact_attempt add column send_claim uuid;
