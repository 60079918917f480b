create table applied_day (
    business_date date primary key,
    times         int not null
);
