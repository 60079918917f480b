package io.arrears.contact.channel;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bind's threads carry receipts, replies and the answers to our sends: a deliver_sm may hold them for half a send's timeout at most. */
class SmppTimingsTest {

    @Test
    void inboundThatMayHoldTheBindLongerThanHalfASendsTimeoutStopStartUp() {
        assertThatThrownBy(() -> SmppGateway.requireInboundAnsweredWithinHalfTheTimeout(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contact.adapters.smpp.answer-inbound-within (PT2S)")
                .hasMessageContaining("contact.adapters.smpp.timeout (PT2S)");
        assertThatThrownBy(() -> SmppGateway.requireInboundAnsweredWithinHalfTheTimeout(Duration.ofMillis(1001), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultsAndTheFaultSuitesSettingsStart() {
        assertThatCode(() -> SmppGateway.requireInboundAnsweredWithinHalfTheTimeout(Duration.ofSeconds(1), Duration.ofSeconds(10))).doesNotThrowAnyException();
        assertThatCode(() -> SmppGateway.requireInboundAnsweredWithinHalfTheTimeout(Duration.ofSeconds(1), Duration.ofSeconds(2))).doesNotThrowAnyException();
    }
}
