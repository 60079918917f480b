package io.arrears.contact.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which customer holds an account: contact for an account goes to this customer and nobody else. */
@Entity
@Table(name = "customer_account")
public class CustomerAccount {

    @Id
    public String accountId;
    public String customerId;
}
