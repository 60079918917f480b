package io.arrears.contact.channel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** What an SMTP failure says about whether the relay has the message. */
class SmtpOutcomeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 <x@example.com>: Recipient address rejected | false | REJECTED",
            "451 4.3.0 Temporary lookup failure | false | TRANSIENT",
            "421 4.4.2 closing transmission channel | false | TRANSIENT",
            "Connection refused: /127.0.0.1:2525 | true | TRANSIENT",
            "Connection was closed | false | AMBIGUOUS",
            "Connection reset | false | AMBIGUOUS",
            "sending data failed: timeout | false | AMBIGUOUS"})
    void aReplyCodeOrANeverMadeConnectionProvesWhatTheRelayDidAnythingElseMayHaveDeliveredIt(String error, boolean refused,
                                                                                               SendResult.Kind expected) {
        Throwable failure = refused ? new RuntimeException(error, new ConnectException(error)) : new RuntimeException(error);

        assertThat(SmtpEmailAdapter.classify(error, failure).kind()).isEqualTo(expected);
    }
}
