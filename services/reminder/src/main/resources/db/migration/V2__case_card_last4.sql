-- The card's last four digits from PaymentMissed, so that reminders name the card the cardholder knows.
alter table collection_case add column card_last4 varchar(4);
