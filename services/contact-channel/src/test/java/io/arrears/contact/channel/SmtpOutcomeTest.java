package io.arrears.contact.channel;

import io.arrears.contact.channel.SmtpConversation.Stage;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;

/** What an SMTP failure says about whether the relay has the message: how far it got, and the reply code. */
class SmtpOutcomeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OPENING        | -1  | TRANSIENT",
            "OPENING        | 554 | TRANSIENT",
            "IN_TRANSACTION | 550 | REJECTED",
            "IN_TRANSACTION | 452 | TRANSIENT",
            "IN_TRANSACTION | -1  | TRANSIENT",
            "ENDING_DATA    | 552 | REJECTED",
            "ENDING_DATA    | 451 | TRANSIENT",
            "ENDING_DATA    | -1  | AMBIGUOUS"})
    void onlyAFailureAfterTheEndOfDataWithoutAReplyLeavesTheMessagesFateOpen(Stage stage, int code, SendResult.Kind expected) {
        assertThat(SmtpRelay.outcome(stage, code, "x").kind()).isEqualTo(expected);
    }

    @Test
    void theReplyCodeIsFoundWhereJakartaMailNestsIt() throws Exception {
        InternetAddress to = new InternetAddress("li.wei@example.com");
        SendFailedException rcpt = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(to, "RCPT TO:<li.wei@example.com>",
                550, "550 5.1.1 <li.wei@example.com>: Recipient address rejected"));
        SMTPSendFailedException data = new SMTPSendFailedException(".", 451, "451 4.3.0 try again later", null, null, null, null);

        assertThat(SmtpRelay.replyCode(rcpt)).isEqualTo(550);
        assertThat(SmtpRelay.replyCode(data)).isEqualTo(451);
        assertThat(SmtpRelay.replyCode(new MessagingException("Exception reading response", new SocketException("Connection reset")))).isEqualTo(-1);
    }

    @Test
    void theReasonKeptNamesTheRelaysReplyButNotTheCardholdersAddress() throws Exception {
        SendFailedException rcpt = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(new InternetAddress("li.wei@example.com"),
                "RCPT TO:<li.wei@example.com>", 550, "550 5.1.1 <li.wei@example.com>: Recipient address rejected"));

        assertThat(SmtpRelay.describe(rcpt)).isEqualTo("550 5.1.1 <l*****@example.com>: Recipient address rejected");
        assertThat(SmtpRelay.describe(new MessagingException("Exception reading response", new SocketException("Connection reset"))))
                .isEqualTo("Exception reading response (SocketException: Connection reset)");
    }
}
