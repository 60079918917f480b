package io.arrears.contact.customer;

import io.arrears.events.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

@Entity
@Table(name = "channel_consent")
@IdClass(ChannelConsent.Key.class)
public class ChannelConsent {

    /** Where a consent decision came from; an SMS reply or an agent records the cardholder's own word. */
    public enum Source { CORE_BANKING, SMS_REPLY, AGENT }

    @Id
    public String customerId;
    @Id
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public boolean granted;
    public OffsetDateTime updatedAt;
    @Enumerated(EnumType.STRING)
    public Source source;

    public static class Key implements Serializable {
        public String customerId;
        public Channel channel;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(customerId, k.customerId) && channel == k.channel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, channel);
        }
    }
}
