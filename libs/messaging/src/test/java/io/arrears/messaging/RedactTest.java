package io.arrears.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactTest {

    @Test
    void databaseRowValuesAreRemovedFromExceptionTexts() {
        String jdbc = "processing failed: org.hibernate.exception.ConstraintViolationException: ERROR: duplicate key value violates"
                + " unique constraint \"customer_email\"\n  Detail: Key (email)=(li.wei@example.com) already exists.";
        assertThat(Redact.text(jdbc)).contains("duplicate key value violates unique constraint \"customer_email\"")
                .contains("Detail: [row values redacted]").doesNotContain("li.wei").doesNotContain("example.com");
        assertThat(Redact.text("ERROR: null value in column \"name\"\n  Detail: Failing row contains (CUS-1, Wang Fang, +8613900001111)."))
                .doesNotContain("Wang Fang").doesNotContain("13900001111");
    }

    @Test
    void emailsAndPhoneNumbersAreRemovedAndOurIdentifiersStay() {
        assertThat(Redact.text("SMSC refused +86 139 0000 1111 for ACC-0000002 (PAY-1234567, REM-8f0c1e22-1234-5678-9abc-def012345678)"))
                .isEqualTo("SMSC refused [number] for ACC-0000002 (PAY-1234567, REM-8f0c1e22-1234-5678-9abc-def012345678)");
        assertThat(Redact.text("550 mailbox holder+abc@example.com unknown; also 13800138000"))
                .isEqualTo("550 mailbox [email] unknown; also [number]");
        assertThat(Redact.text(null)).isNull();
    }
}
