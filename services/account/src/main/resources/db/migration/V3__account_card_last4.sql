-- The card's last four digits from StatementIssued, passed on so that messages name the card the
-- cardholder knows instead of inventing digits from the account id.
alter table account add column card_last4 varchar(4);
