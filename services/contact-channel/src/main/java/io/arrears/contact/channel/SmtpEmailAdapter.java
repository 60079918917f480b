package io.arrears.contact.channel;

import io.arrears.contact.template.NoticeTemplates;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.regex.Pattern;

/**
 * Email over SMTP through the bank's mail relay (Quarkus Mailer). The Message-ID is derived from the
 * reminder id, so the relay's logs can be searched by it; SMTP itself cannot be asked afterwards
 * whether a message was taken, so an interrupted send is UNKNOWN, never resent.
 */
@ApplicationScoped
class SmtpEmailAdapter implements ChannelAdapter {

    private static final Logger LOG = Logger.getLogger(SmtpEmailAdapter.class);
    private static final Pattern PERMANENT = Pattern.compile("\\b5\\d\\d\\b");
    private static final Pattern CLOSING = Pattern.compile("\\b421\\b");
    private static final Pattern TEMPORARY = Pattern.compile("\\b4\\d\\d\\b");

    private final Mailer mailer;
    private final NoticeTemplates templates;

    SmtpEmailAdapter(Mailer mailer, NoticeTemplates templates) {
        this.mailer = mailer;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        String messageId = "<" + message.reminderId() + "@arrears>";
        Mail mail = Mail.withHtml(message.to().address(), message.notice().subject(),
                        templates.emailHtml(message.notice(), footer(message.notice().language())))
                .setText(message.notice().longText())
                .addHeader("Message-ID", messageId)
                .addHeader("X-Arrears-Reminder", message.reminderId());
        String error = null;
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                mailer.send(mail);
                return SendResult.accepted(messageId);
            } catch (RuntimeException e) {
                failure = e;
                error = String.valueOf(e.getMessage());
                LOG.warnf("SMTP send of %s failed: %s", message, error);
                // 421: the relay closed the (pooled, idle) connection before taking the message; a new
                // connection may be tried at once, since a server that answers 421 has accepted nothing.
                if (!CLOSING.matcher(error).find()) {
                    break;
                }
            }
        }
        return classify(error, failure);
    }

    /**
     * A reply code says what the relay did: 5xx it refused for good, 4xx it took nothing (try later).
     * Without a reply, only a connection never made proves it took nothing; a connection lost later,
     * during or after DATA, may have delivered the message, so the send is ambiguous.
     */
    static SendResult classify(String error, Throwable failure) {
        if (PERMANENT.matcher(error).find()) {
            return SendResult.rejected("SMTP: " + error);
        }
        if (TEMPORARY.matcher(error).find() || ProviderHttp.neverConnected(failure) || error.contains("Connection refused")) {
            return SendResult.transientFailure("SMTP: " + error);
        }
        return SendResult.ambiguous("SMTP: " + error);
    }

    @Override
    public Lookup lookup(String reminderId) {
        return Lookup.unknowable();
    }

    private static String footer(String language) {
        return "zh-CN".equals(language) ? "本邮件由系统自动发送，请勿直接回复。" : "This message was sent automatically; please do not reply to it.";
    }
}
