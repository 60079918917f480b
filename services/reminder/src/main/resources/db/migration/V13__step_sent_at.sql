-- A reminder's routine outcomes (its send, then its delivery) live on its step: the step already held the
-- latest status, reason, provider id and time, and the contact history repeated them in two more rows per
-- reminder. contact_record keeps what the step cannot say: the other outcomes (FAILED, SUPPRESSED, UNKNOWN)
-- and any outcome told that moved no step (a late or repeated one, or one for a reminder this service never
-- requested). The history a case shows is both, read together (agent.CaseContacts).
alter table scheduled_step add column sent_at timestamptz;

-- The sends already recorded are copied onto their steps, so that reports reading steps alone count them.
update scheduled_step s set sent_at = r.at
from contact_record r
where r.step_id = s.id and r.status = 'SENT';
