-- Core banking says when a customer holds nothing with the bank any more; only then may their personal
-- data be erased on request. The anonymous facts (what was sent when, on which channel, with what outcome)
-- stay for the retention period the law sets.
alter table customer_profile add column relationship_ended boolean not null default false;
alter table customer_profile add column erased_at timestamptz;
alter table customer_profile add column erased_by varchar(128);
