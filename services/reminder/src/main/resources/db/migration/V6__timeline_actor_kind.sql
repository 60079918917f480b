-- Who changed a case is typed: an event, an agent or the service's own schedule. Earlier rows are
-- classified by the names they carry: 'system', an event's contract type (PaymentMissed, possibly with a
-- parenthesised circumstance), or else a person's token subject.
alter table case_timeline add column actor_kind varchar(16);

update case_timeline set actor_kind = case
    when actor = 'system' then 'SYSTEM'
    when actor ~ '^[A-Z][A-Za-z]+( \(.*\))?$' then 'EVENT'
    else 'AGENT' end;

alter table case_timeline alter column actor_kind set not null;
