package io.arrears.contact.privacy;

import io.arrears.contact.config.ContactConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordRetentionTest {

    @Test
    void cnCollectionRecordsAreKeptAtLeastTwoYears() {
        assertThatThrownBy(() -> RecordRetention.requireLawful("cn", retention(Duration.ofDays(729), Duration.ofDays(1095))))
                .hasMessageContaining("at least 730 days");
        assertThatThrownBy(() -> RecordRetention.requireLawful("cn", retention(Duration.ofDays(1095), Duration.ofDays(365))))
                .hasMessageContaining("decisions 365");
        assertThatCode(() -> RecordRetention.requireLawful("cn", retention(Duration.ofDays(730), Duration.ofDays(730))))
                .doesNotThrowAnyException();
        assertThatCode(() -> RecordRetention.requireLawful("us-reg-f", retention(Duration.ofDays(365), Duration.ofDays(365))))
                .doesNotThrowAnyException();
    }

    private static ContactConfig.Retention retention(Duration attempts, Duration decisions) {
        return new ContactConfig.Retention() {
            @Override
            public Duration attempts() {
                return attempts;
            }

            @Override
            public Duration decisions() {
                return decisions;
            }

            @Override
            public String runAt() {
                return "0 30 2 * * ?";
            }
        };
    }
}
