package io.arrears.contact.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.IOException;

/**
 * One connection to the relay that knows how far the current message got. Whether a failed send may have
 * delivered the message depends only on that: a relay delivers nothing of a transaction whose end of data
 * (the lone ".") it never received (RFC 5321, 4.1.1.4), so only a failure after the "." went out leaves the
 * message's fate open.
 */
final class SmtpConversation extends SMTPTransport {

    enum Stage {
        /** Connecting, greeting, EHLO, STARTTLS, AUTH: nothing of the message has been sent. */
        OPENING,
        /** MAIL FROM, RCPT TO and the message itself: the relay holds an unfinished transaction at most. */
        IN_TRANSACTION,
        /** The end of data has gone out: the relay may have taken the message even if its reply is lost. */
        ENDING_DATA,
        DONE
    }

    private volatile Stage stage = Stage.OPENING;
    private long idleSince;

    SmtpConversation(Session session, URLName relay) {
        super(session, relay);
    }

    void deliver(MimeMessage message) throws MessagingException {
        stage = Stage.OPENING;
        sendMessage(message, message.getAllRecipients());
        stage = Stage.DONE;
    }

    Stage stage() {
        return stage;
    }

    void idleFrom(long nanos) {
        idleSince = nanos;
    }

    long idleSince() {
        return idleSince;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        stage = Stage.IN_TRANSACTION;
        super.mailFrom();
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        stage = Stage.ENDING_DATA;
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        stage = Stage.ENDING_DATA;
        super.finishBdat();
    }
}
