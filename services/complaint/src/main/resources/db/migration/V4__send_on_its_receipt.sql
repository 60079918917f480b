-- A text's receipt tells its send too: the send is kept on the receipt's row, not in a row of its own.
-- Rows kept before stay as they are; the evidence reads both.
alter table contact_event add column sent_at timestamptz;
