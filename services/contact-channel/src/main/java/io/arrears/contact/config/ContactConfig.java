package io.arrears.contact.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything under {@code contact.*}; see the service README for each key's meaning. */
@ConfigMapping(prefix = "contact")
public interface ContactConfig {

    /** Time zone of a cardholder whose profile names none. */
    @WithDefault("Asia/Shanghai")
    String defaultTimezone();

    /** Language of a cardholder whose profile names none, and of any template missing in theirs. */
    @WithDefault("zh-CN")
    String defaultLanguage();

    /** Languages every template must exist in. */
    List<String> languages();

    Dispatch dispatch();

    Templates templates();

    Payment payment();

    PlanConfirmation planConfirmation();

    Adapters adapters();

    interface Dispatch {
        @WithDefault("1s")
        Duration pollEvery();

        @WithDefault("5s")
        Duration firstPollAfter();

        @WithDefault("100")
        int batchSize();

        /**
         * Attempts of a batch handled at once. Each waits mostly on the database and the provider, so a
         * few in flight multiply throughput; the account lock still serialises one cardholder's attempts.
         */
        @WithDefault("8")
        int workers();

        /**
         * Messages with a provider at once, across all workers: a provider's answer takes a round trip
         * (an SMS centre's window, a mail relay's connections), and a sender waits for it. No more than the
         * mail client's connections (10) or an SMS centre's usual window: a send that queues behind others
         * can outlast its provider timeout or {@code stale-sending-after}, and then counts as UNKNOWN, never
         * sent again. At 32 the fault suite left several times as many sends UNKNOWN.
         */
        @WithDefault("8")
        int sendsAtOnce();

        /** Sends per attempt for transient provider errors, the first included. */
        @WithDefault("5")
        int maxTries();

        @WithDefault("30s")
        Duration firstBackoff();

        /**
         * How long an attempt waits for the holder's contact data when the customer feed lags behind
         * the reminder; after that it is suppressed as NO_CONTACT_POINT.
         */
        @WithDefault("1h")
        Duration contactDataGrace();

        /**
         * Whether the reminder-request consumer judges an attempt due now in the transaction that makes it
         * and sends it as that commits ({@code PromptSends}), rather than leaving it PENDING for the poll.
         * Either way the attempt is committed SENDING before it leaves.
         */
        @WithDefault("true")
        boolean sendOnRequest();

        /**
         * How long the providers' answers wait for a database that is away (restarting, failing over) before
         * they are given up and their attempts left SENDING for the reconciler. Shorter than
         * {@code stale-sending-after}, so the reconciler never takes an attempt whose answer is still waiting.
         */
        @WithDefault("60s")
        Duration recordAnswersWithin();

        /**
         * How long a text the SMS centre took waits for its receipt, so that the receipt's outcome tells its SENT too
         * ({@code ReminderSent.sentAt}) instead of each being an event; a SENT whose receipt is later is told alone.
         * Receipts come within seconds, but an SMS centre's window delivers them no faster than they are recorded,
         * and in a statement day's burst they fall tens of seconds behind; zero tells every SENT at once.
         */
        @WithDefault("60s")
        Duration sentWaitsForReceipt();

        /** How often texts whose SENT has waited its time are looked for. */
        @WithDefault("1s")
        Duration lateReceiptsEvery();

        /** A SENDING row older than this belongs to a send that never finished: reconcile it. */
        @WithDefault("2m")
        Duration staleSendingAfter();

        /** How often the reconciler looks for such rows. */
        @WithDefault("1m")
        Duration reconcileEvery();
    }

    interface Templates {
        /** Every template id a reminder may name; each must exist in every language. */
        List<String> ids();

        /** Phrases no rendered message may contain (threats, insults), in every language. */
        List<String> forbiddenPhrases();
    }

    /** How to pay, in each language, keyed by language tag: {@code contact.payment.online-banking.zh-CN=...}. */
    interface Payment {
        /** Where a transfer goes, e.g. the bank's repayment account; shown in every message. */
        Map<String, String> bankTransfer();

        Map<String, String> onlineBanking();

        /** Wallets the bank accepts repayments from, comma-separated, if any. */
        Map<String, String> wallets();
    }

    interface PlanConfirmation {
        /** Channels tried in order for a plan confirmation; the first with a contact point is used. */
        List<String> channels();
    }

    interface Adapters {
        /** Adapter per channel: smtp, smpp, ivr-http, print-folder, webhook or log. */
        Map<String, String> channels();

        Smtp smtp();

        Smpp smpp();

        Ivr ivr();

        Letter letter();

        Webhook webhook();
    }

    interface Smtp {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("2525")
        int port();

        /** DISABLED, OPTIONAL (when the relay offers it) or REQUIRED (never send in the clear). */
        @WithDefault("DISABLED")
        StartTls startTls();

        /** Given only when the relay asks senders to log in (AUTH). */
        Optional<String> username();

        Optional<String> password();

        /** The From header and the envelope sender. */
        @WithDefault("Arrears Bank <collections@arrears.local>")
        String from();

        /** The name this service gives itself in EHLO. */
        @WithDefault("arrears.local")
        String heloName();

        /** Longest wait to connect and for each of the relay's replies. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * A connection idle longer than this is closed, not reused. Keep it below the relay's own idle limit; a
         * connection the relay closed first is noticed at the next MAIL FROM and replaced, so the limit is about
         * avoiding that extra round, not about correctness.
         */
        @WithDefault("5s")
        Duration reuseIdleFor();

        enum StartTls { DISABLED, OPTIONAL, REQUIRED }
    }

    interface Smpp {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("2775")
        int port();

        @WithDefault("arrears")
        String systemId();

        @WithDefault("secret")
        String password();

        @WithDefault("ARREARS")
        String sourceAddress();

        @WithDefault("10s")
        Duration timeout();

        /**
         * The longest a deliver_sm (a delivery receipt or a cardholder's reply) holds the bind's threads while it is
         * recorded; then it is refused and the SMS centre sends it again. The same threads carry the answers to our
         * sends, so this is at most half of {@code timeout}: held longer, those answers would come late, and the
         * sends be ambiguous.
         */
        @WithDefault("1s")
        Duration answerInboundWithin();

        /** How often a lost bind is looked for and restored. */
        @WithDefault("30s")
        Duration rebindEvery();
    }

    interface Ivr {
        /** Base URL of the IVR vendor's API: POST {url}/calls, GET {url}/calls?reference=. */
        @WithDefault("http://127.0.0.1:8093")
        String url();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Letter {
        /** The print house's drop folder: one PDF per letter and one manifest per day. */
        @WithDefault(".local/print-drop")
        String dropFolder();

        /** TrueType font files of the bank's own, used before the fonts bundled with the service. */
        Optional<List<String>> fonts();
    }

    interface Webhook {
        /** Base URL of a generic provider API: POST {url}/messages with an Idempotency-Key header. */
        @WithDefault("http://127.0.0.1:8094")
        String url();

        @WithDefault("10s")
        Duration timeout();
    }

    /** Replies that withdraw SMS consent, matched whole, ignoring case, width and trailing punctuation. */
    List<String> optOutKeywords();

    /** Shared secret the providers sign their callbacks with (HMAC-SHA256 of the signing time and the body). */
    String callbackSecret();

    /** How long collection records are kept before they are anonymised or deleted. */
    Retention retention();

    interface Retention {
        /** Contact attempts: their contact point and facts are removed after this. */
        @WithDefault("P1095D")
        Duration attempts();

        /** The guard's decisions: deleted after this. */
        @WithDefault("P1095D")
        Duration decisions();

        /** When the retention job runs (cron). */
        @WithDefault("0 30 2 * * ?")
        String runAt();
    }

    /** What an automated call says before the cardholder is confirmed, by language. */
    Voice voice();

    interface Voice {
        /** Asks the named cardholder to prove who they are; {@code {name}} is replaced with their name. */
        Map<String, String> verifyPrompt();

        /** All a voicemail or an unconfirmed listener hears: who called and a number to call back, nothing about any debt. */
        Map<String, String> callbackRequest();
    }

    /** How to opt out, by channel ({@code sms}, {@code email}) and then language. */
    Map<String, Map<String, String>> optOutNotice();

    /** The secret phone digests are keyed with (HMAC-SHA256), so that a digest cannot be reversed by trying numbers. */
    String phoneDigestKey();

    /** How far a callback's signing time may be from ours; outside it the callback is refused as stale. */
    @WithDefault("5m")
    Duration callbackWindow();
}
