-- Card product from StatementIssued, passed on in PaymentMissed so collection strategies can segment on it.
alter table account add column product varchar(64);
