package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import io.arrears.contact.customer.Masked;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.jboss.logging.Logger;

import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's mail relay, over connections kept open between messages. Each send runs on the caller's thread
 * from the first byte read to the last (blocking SMTP), so the relay's greeting can never arrive before
 * someone is reading it, and the outcome of a failure is decided by how far the message got
 * ({@link SmtpConversation.Stage}) and by the relay's reply code, not by the wording of an error.
 */
@ApplicationScoped
class SmtpRelay {

    private static final Logger LOG = Logger.getLogger(SmtpRelay.class);

    static {
        // Jakarta Mail 2.1 finds its StreamProvider anew for every MIME part it makes or encodes, by a ServiceLoader
        // scan of every jar (jakartaee/mail-api#861): half the CPU of a send in the capacity run's profile. Named
        // here, the lookup is a class already loaded.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>:;,\"']+@[^\\s<>:;,\"']+");
    private static final int CLOSING = 421;

    private final ContactConfig.Smtp config;
    private final Session session;
    private final Deque<SmtpConversation> idle = new ConcurrentLinkedDeque<>();

    @Inject
    SmtpRelay(ContactConfig config) {
        this(config.adapters().smtp());
    }

    SmtpRelay(ContactConfig.Smtp config) {
        this.config = config;
        this.session = Session.getInstance(properties(config));
    }

    Session session() {
        return session;
    }

    InternetAddress from() throws MessagingException {
        return new InternetAddress(config.from(), true);
    }

    /**
     * Sends the message once, or twice when a kept connection turns out to have been closed by the relay
     * before the message's transaction ended: then the relay has nothing of it, and a new connection may try.
     */
    SendResult send(MimeMessage message, String what) {
        while (true) {
            SmtpConversation conversation = idle.pollFirst();
            boolean kept = conversation != null;
            if (kept && System.nanoTime() - conversation.idleSince() > config.reuseIdleFor().toNanos()) {
                close(conversation);
                continue;
            }
            try {
                if (!kept) {
                    conversation = new SmtpConversation(session, new URLName("smtp", config.host(), config.port(), null, null, null));
                    conversation.connect(config.host(), config.port(), config.username().orElse(null), config.password().orElse(null));
                }
                conversation.deliver(message);
                conversation.idleFrom(System.nanoTime());
                idle.offerFirst(conversation);
                return SendResult.accepted(null);
            } catch (MessagingException | RuntimeException e) {
                SmtpConversation.Stage stage = conversation.stage();
                close(conversation);
                int code = replyCode(e);
                String error = describe(e);
                LOG.warnf("SMTP send of %s failed %s: %s", what, stageName(stage, kept), error);
                if (kept && stage != SmtpConversation.Stage.ENDING_DATA && (code < 0 || code == CLOSING)) {
                    continue;
                }
                return outcome(stage, code, error);
            }
        }
    }

    /** What a failure at a stage, with the relay's reply code (or -1 for none), says about the message. */
    static SendResult outcome(SmtpConversation.Stage stage, int code, String error) {
        String reason = "SMTP: " + error;
        if (stage == SmtpConversation.Stage.OPENING) {
            // Nothing of the message was sent; even a 5xx here refuses this service, not this message.
            return SendResult.transientFailure(reason);
        }
        if (code >= 500) {
            return SendResult.rejected(reason);
        }
        if (code >= 400 || stage == SmtpConversation.Stage.IN_TRANSACTION) {
            return SendResult.transientFailure(reason);
        }
        return SendResult.ambiguous(reason);
    }

    /** The relay's reply code carried by the failure, or -1 when the relay never answered. */
    static int replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPSendFailedException sent) {
                return sent.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
        }
        return -1;
    }

    /** The failure in a line for logs and the attempt's reason; addresses masked, as everywhere else. */
    static String describe(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPSendFailedException || t instanceof SMTPAddressFailedException) {
                return masked(String.valueOf(t.getMessage()).strip());
            }
            deepest = t;
        }
        String text = deepest == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + ")";
        return masked(text.strip());
    }

    private static String masked(String text) {
        Matcher m = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Masked.email(m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static String stageName(SmtpConversation.Stage stage, boolean kept) {
        String where = switch (stage) {
            case OPENING -> "before MAIL FROM";
            case IN_TRANSACTION -> "before the end of data";
            case ENDING_DATA -> "after the end of data";
            case DONE -> "after the relay took it";
        };
        return where + (kept ? " on a kept connection" : "");
    }

    private static Properties properties(ContactConfig.Smtp config) {
        Properties p = new Properties();
        String timeout = Long.toString(config.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.localhost", config.heloName());
        // A connection is closed after a failure; waiting for the relay's answer to QUIT would only add to it.
        p.put("mail.smtp.quitwait", "false");
        p.put("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        if (config.startTls() != ContactConfig.Smtp.StartTls.DISABLED) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", Boolean.toString(config.startTls() == ContactConfig.Smtp.StartTls.REQUIRED));
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static void close(SmtpConversation conversation) {
        try {
            conversation.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing an SMTP connection: %s", e.getMessage());
        }
    }

    @PreDestroy
    void closeAll() {
        for (SmtpConversation c; (c = idle.pollFirst()) != null; ) {
            close(c);
        }
    }
}
