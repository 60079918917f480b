package io.arrears.simulators;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailSinkTest {

    @Test
    void messagesAreListedOnceEachInTheOrderTheyArrivedWhateverTheirRecipients() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (MailSink sink = MailSink.start(port)) {
            List<String> sent = new ArrayList<>();
            for (String to : List.of("zoe", "adam", "mia", "adam", "zoe", "ben")) {
                String subject = "message " + sent.size() + " to " + to;
                send(port, to + "@example.com", subject);
                sent.add(subject);
            }

            List<String> listed = new ArrayList<>();
            for (MimeMessage m : sink.receivedInArrivalOrder()) {
                listed.add(m.getSubject());
            }

            assertThat(listed).containsExactlyElementsOf(sent);
        }
    }

    private static void send(int port, String to, String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("bank@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("body");
        Transport.send(message);
    }
}
