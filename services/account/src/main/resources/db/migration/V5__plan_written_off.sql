-- What a plan forgives beyond waived interest and fees (a settlement's discount), so that the record
-- shows how every unit of arrears a completed plan settles was either paid or forgiven.
alter table repayment_plan add column written_off numeric(19, 4) not null default 0;
