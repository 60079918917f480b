package io.arrears.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.util.List;

/** A real SMTP server on loopback (GreenMail) that keeps what it receives, for tests and the local run. */
public final class MailSink implements AutoCloseable {

    private final GreenMail server;

    private MailSink(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static MailSink start(int port) {
        return new MailSink(port);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    @Override
    public void close() {
        server.stop();
    }
}
