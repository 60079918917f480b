-- A reminder that could not be delivered falls back to a channel no step of the same notice has used.
-- A ladder day's steps are found by their case; a pre-due, promise or instalment notice's by its account
-- and reference, which no index covered: each fallback read every step ever scheduled, and the table
-- grows by several steps a case for as long as the bank keeps them. Ladder steps, the most written rows
-- of the service, carry no reference and stay out of this index.
create index scheduled_step_notice on scheduled_step (account_id, reference) where reference is not null;
