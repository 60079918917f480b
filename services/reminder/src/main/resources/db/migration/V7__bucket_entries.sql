-- When each case first entered each delinquency bucket. The strategy report's roll rates (how many
-- cases of a bucket went on to the next) need the path a case took; the case row keeps only where it is.
create table case_bucket_entry (
    case_id    varchar(64) not null,
    bucket     varchar(16) not null,
    entered_at timestamptz not null,
    primary key (case_id, bucket)
);

-- Cases opened before this table existed: only their present bucket is known, taken as entered when they opened.
insert into case_bucket_entry (case_id, bucket, entered_at) select id, bucket, opened_at from collection_case;
