-- The end-of-day run takes the accounts due for review a chunk at a time in (next_review_date, id) order.
-- With only the date indexed, every chunk read and sorted all the accounts due that day to find its
-- hundred: on a statement day of 30,000 accounts each chunk cost 30,000 rows, and the day the square of
-- its size. In this order the chunk is the index's first hundred live entries.
create index account_review_order on account (next_review_date, id) where next_review_date is not null;
drop index account_next_review;
