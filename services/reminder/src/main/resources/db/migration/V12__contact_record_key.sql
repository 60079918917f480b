-- A contact record is one outcome of one reminder: its step and status name it. Keyed so, an outcome told
-- twice (the same ReminderSent read again after a crash, or sent again by contact-channel's relay) is kept
-- once by the insert itself, and the service keeps no inbox row for ReminderSent: on a statement day those
-- were 1.67 rows per reminder written only to be able to say "seen before". An outcome cannot recur for
-- the same reminder (contact-channel moves an attempt through each status at most once), so nothing that
-- was kept apart before is folded together now; any copies already kept are reduced to the first.
delete from contact_record later using contact_record earlier
 where later.step_id = earlier.step_id and later.status = earlier.status and later.id > earlier.id;
-- A case's contact history, in the order the outcomes happened rather than the order they were read.
drop index contact_record_case;
create index contact_record_case on contact_record (case_id, at);
alter table contact_record drop constraint contact_record_pkey;
alter table contact_record drop column id;
alter table contact_record add primary key (step_id, status);
