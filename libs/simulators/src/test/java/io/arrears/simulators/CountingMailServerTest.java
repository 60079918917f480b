package io.arrears.simulators;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CountingMailServerTest {

    @Test
    void everyMessageOfAKeptOpenConnectionIsTakenAndCounted() throws Exception {
        try (CountingMailServer server = CountingMailServer.start(0)) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(server.port()));
            Session session = Session.getInstance(properties);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < 3; i++) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress("bank@example.com"));
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress("holder" + i + "@example.com"));
                    message.setSubject("Your card payment is overdue");
                    // A line of a single dot in the body is dot-stuffed by the client and must not end the message.
                    message.setText("Dear cardholder,\r\n.\r\nthe minimum due has not been paid.", "UTF-8");
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }

            assertThat(server.taken()).isEqualTo(3);
        }
    }

    @Test
    void dataBeforeASenderAndRecipientIsRefusedAndNothingIsCounted() throws Exception {
        try (CountingMailServer server = CountingMailServer.start(0);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220 ");

            out.write("HELO client\r\nDATA\r\nMAIL FROM:<bank@example.com>\r\nDATA\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(in.readLine()).startsWith("250 ");
            assertThat(in.readLine()).startsWith("503 ");
            assertThat(in.readLine()).startsWith("250 ");
            assertThat(in.readLine()).startsWith("503 ");
            assertThat(in.readLine()).startsWith("221 ");
            assertThat(server.taken()).isZero();
        }
    }
}
