-- Nearly every attempt is decided once, SEND, as it first goes out: that decision is kept on the attempt (when, and
-- under which policy pack) instead of as a guard_decision row of its own, which held nothing more. Every other
-- decision (DEFER, SUPPRESS, a SEND on a later try) stays a row. Decisions already kept stay as they are.
alter table contact_attempt add column allowed_at timestamptz, add column allowed_by_pack varchar(32);
