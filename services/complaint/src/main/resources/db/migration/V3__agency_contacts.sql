-- Agencies' contacts are evidence too: a visit has no channel of the bank's, and the agency is named.
alter table contact_event alter column channel drop not null;
alter table contact_event add column agency_id varchar(128);
