-- Timeline lines are written in one batch as a transaction commits, possibly before Hibernate inserts
-- the case they belong to in the same transaction: the reference is checked at commit, not per row.
alter table case_timeline alter constraint case_timeline_case_id_fkey deferrable initially deferred;
