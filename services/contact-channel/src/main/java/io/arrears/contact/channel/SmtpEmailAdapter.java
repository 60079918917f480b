package io.arrears.contact.channel;

import io.arrears.contact.template.NoticeTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Email over SMTP through the bank's mail relay. The Message-ID is derived from the reminder id, so the
 * relay's logs can be searched by it; SMTP itself cannot be asked afterwards whether a message was taken, so
 * a send interrupted after its end of data is UNKNOWN, never resent.
 */
@ApplicationScoped
class SmtpEmailAdapter implements ChannelAdapter {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpRelay relay;
    private final NoticeTemplates templates;

    SmtpEmailAdapter(SmtpRelay relay, NoticeTemplates templates) {
        this.relay = relay;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        String messageId = "<" + message.reminderId() + "@arrears>";
        MimeMessage mail;
        try {
            mail = compose(message, messageId);
        } catch (AddressException e) {
            return SendResult.rejected("SMTP: not an address a relay can take");
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose the email of " + message, e);
        }
        SendResult result = relay.send(mail, message.toString());
        return result.kind() == SendResult.Kind.ACCEPTED ? SendResult.accepted(messageId) : result;
    }

    /** The notice as multipart/alternative: the plain text first, the HTML the cardholder's client prefers. */
    private MimeMessage compose(OutgoingMessage message, String messageId) throws MessagingException {
        MimeMessage mail = new IdentifiedMessage(relay.session(), messageId);
        mail.setFrom(relay.from());
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to().address(), true));
        mail.setSubject(message.notice().subject(), UTF_8);
        mail.setSentDate(new Date());
        mail.setHeader("X-Arrears-Reminder", message.reminderId());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.notice().longText(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(templates.emailHtml(message.notice(), footer(message.notice().language())), UTF_8, "html");
        mail.setContent(new MimeMultipart("alternative", text, html));
        mail.saveChanges();
        return mail;
    }

    @Override
    public Lookup lookup(String reminderId) {
        return Lookup.unknowable();
    }

    private static String footer(String language) {
        return "zh-CN".equals(language) ? "本邮件由系统自动发送，请勿直接回复。" : "This message was sent automatically; please do not reply to it.";
    }

    /** Keeps the Message-ID it is given: Jakarta Mail would otherwise make up one when the message is saved. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
