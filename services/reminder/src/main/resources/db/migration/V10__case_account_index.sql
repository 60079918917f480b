-- Every case an account ever had, found by the account. Before a pre-due reminder goes, the firing asks
-- which of a group's accounts have a case open or one opened for the reminder's statement, open or closed.
-- The only index by account covered open cases, so that question read the whole table: every closed case
-- of every year, 26 ms a group with 30,000 closed cases on the benchmark's statement day, and more each
-- year a bank keeps them. Through this index it reads the few cases of the accounts asked about.
create index collection_case_account on collection_case (account_id);
