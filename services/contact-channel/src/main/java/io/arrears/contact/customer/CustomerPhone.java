package io.arrears.contact.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

@Entity
@Table(name = "customer_phone")
@IdClass(CustomerPhone.Key.class)
public class CustomerPhone {

    @Id
    public String customerId;
    @Id
    public String number;
    public String digest;
    public boolean digestKeyed;
    public String type;
    public boolean isPrimary;

    /** The key as Hibernate needs it for {@code find}: named as the entity's id fields. */
    public record Key(String customerId, String number) implements Serializable {
    }
}
