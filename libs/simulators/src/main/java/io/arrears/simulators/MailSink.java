package io.arrears.simulators;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import jakarta.mail.MessagingException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/** A real SMTP server on loopback (GreenMail) that keeps what it receives, for tests and the local run. */
public final class MailSink implements AutoCloseable {

    private final GreenMail server;

    /**
     * How long a silent SMTP conversation lasts before the server ends it with 421. A sender's conversation
     * sometimes stalls mid-way on these machines (seen with a connection the mail client had kept); GreenMail's
     * 30 s default then ends it just past a test's 30 s bound, before the sender's immediate retry. 10 s still
     * leaves a slow sender on two busy cores room between commands.
     */
    private static final int SILENT_CONVERSATION_MS = 10_000;

    private MailSink(String host, int port) {
        server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        server.start();
        server.getSmtp().setClientSocketTimeout(SILENT_CONVERSATION_MS);
    }

    public static MailSink start(int port) {
        return new MailSink("127.0.0.1", port);
    }

    /** On another address, e.g. 0.0.0.0 inside a container. */
    public static MailSink start(String host, int port) {
        return new MailSink(host, port);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /**
     * Every message received, oldest first. GreenMail lists messages mailbox by mailbox, so a position in
     * {@link #received()} is not an arrival: a new message for an earlier recipient shifts the others.
     */
    public List<MimeMessage> receivedInArrivalOrder() {
        return Arrays.stream(server.getReceivedMessages())
                .sorted(Comparator.comparing(MailSink::receivedAt)).toList();
    }

    private static Date receivedAt(MimeMessage message) {
        try {
            Date received = message.getReceivedDate();
            return received != null ? received : new Date(0);
        } catch (MessagingException e) {
            return new Date(0);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
