-- Calls an agent made, as the reminder service reported them: the contact rules count them with the automated calls.
create table agent_call (
    call_id       varchar(128) primary key,
    case_id       varchar(128) not null,
    account_id    varchar(128) not null,
    customer_id   varchar(128) not null,
    conversation  boolean      not null,
    called_at     timestamptz  not null
);
create index agent_call_customer on agent_call (customer_id, called_at) where conversation;
create index agent_call_account on agent_call (account_id, called_at) where conversation;
