package io.arrears.contact.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

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

    public static class Key implements Serializable {
        public String customerId;
        public String number;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(customerId, k.customerId) && Objects.equals(number, k.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, number);
        }
    }
}
