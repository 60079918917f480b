-- A row per applied day that is written only when the session flushes, and a rule the database enforces there.
create table day_note (
    business_date date primary key,
    note          text not null check (note <> 'refused')
);
