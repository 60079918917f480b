-- When the retention job removed a closed case's personal details (null: not yet).
alter table collection_case add column personal_data_removed_at timestamptz;
create index collection_case_closed on collection_case (closed_at) where personal_data_removed_at is null;
