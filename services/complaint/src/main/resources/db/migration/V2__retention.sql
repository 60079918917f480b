-- Personal data leaves resolved complaints after the retention period; the records themselves stay.
alter table complaint add column personal_data_removed_at timestamptz;
create index complaint_resolved_unredacted on complaint (resolved_at) where personal_data_removed_at is null;

-- The audit trail stays append-only, with one exception: the retention job may cut an entry's free-text
-- tail ("A -> B: what the officer wrote" becomes "A -> B"). Nothing else may change, nothing be deleted.
create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.detail = split_part(old.detail, ': ', 1) and new.detail <> old.detail
       and new.id = old.id and new.complaint_id = old.complaint_id and new.actor = old.actor
       and new.action = old.action and new.at = old.at then
        return new;
    end if;
    raise exception '% on % is not allowed: complaints and their audit trail are kept whole', tg_op, tg_table_name;
end;
$$;
drop trigger complaint_audit_append_only on complaint_audit;
create trigger complaint_audit_append_only before update or delete on complaint_audit
    for each row execute function refuse_audit_change();
