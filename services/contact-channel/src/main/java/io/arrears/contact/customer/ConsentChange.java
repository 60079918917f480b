package io.arrears.contact.customer;

import io.arrears.events.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The audit trail of consent: who changed what, when and why. Rows are only ever added. */
@Entity
@Table(name = "consent_change")
public class ConsentChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String customerId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public boolean granted;
    @Enumerated(EnumType.STRING)
    public ChannelConsent.Source source;
    public String actor;
    public String reason;
    public OffsetDateTime at;
}
