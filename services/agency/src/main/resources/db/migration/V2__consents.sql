-- The cardholder's standing consent per channel, as core banking sends it: TRUE, FALSE (opted out) or
-- null (never given). An agency's call or text honours an opt-out as the bank's own would.
alter table customer_file add column voice_consent boolean;
alter table customer_file add column sms_consent boolean;
