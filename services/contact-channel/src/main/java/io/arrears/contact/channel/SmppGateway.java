package io.arrears.contact.channel;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import io.arrears.contact.config.ContactConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transceiver (TRX) binds to the SMS centre ({@code contact.adapters.smpp.binds}): submits go out on each in turn,
 * and delivery receipts and the cardholders' replies come back on any of them. A broken bind is replaced on its next use.
 *
 * <p>An SMS centre keeps a window of deliver_sm in flight per bind, each waiting for our answer until it is committed.
 * On one bind the receipts of a statement day fell behind the sends (17 s at p99) and were committed a few at a time;
 * over several, as many windows are open at once and more receipts share each commit.
 */
@ApplicationScoped
class SmppGateway {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class);
    /**
     * How many deliver_sm we take at once (jSMPP's default is 3). An SMS centre keeps several receipts in flight,
     * each waiting for our answer until it is committed; taking as many as it sends lets them commit together.
     */
    private static final int INBOUND_AT_ONCE = 10;

    private final ContactConfig.Smpp config;
    /** The most answers to our own submits one bind can be awaiting: every send at once could be on it. */
    private final int answersAtOnce;
    private final SmsInbound inbound;
    /** Each bind's session, guarded by its own lock: one bind rebinding does not hold up sends on the others. */
    private final SMPPSession[] sessions;
    private final Object[] guards;
    private final AtomicInteger nextBind = new AtomicInteger();

    SmppGateway(ContactConfig config, SmsInbound inbound) {
        this.config = config.adapters().smpp();
        this.answersAtOnce = config.dispatch().sendsAtOnce();
        this.inbound = inbound;
        this.sessions = new SMPPSession[Math.max(1, this.config.binds())];
        this.guards = new Object[sessions.length];
        Arrays.setAll(guards, i -> new Object());
    }

    /** SMPP 3.4 fixes the lengths of the bind credentials; a longer one would never bind, so it stops start-up instead. */
    void check(@Observes StartupEvent start) {
        if (config.systemId().length() > 15) {
            throw new IllegalStateException("contact.adapters.smpp.system-id: SMPP allows at most 15 characters");
        }
        if (config.binds() < 1) {
            throw new IllegalStateException("contact.adapters.smpp.binds (SMPP_BINDS) must be at least 1, not " + config.binds());
        }
        if (config.password().length() > 8) {
            throw new IllegalStateException("contact.adapters.smpp.password (SMPP_PASSWORD): SMPP allows at most 8 characters");
        }
        requireInboundAnsweredWithinHalfTheTimeout(config.answerInboundWithin(), config.timeout());
    }

    /** A deliver_sm holding the bind's threads for longer would make the answers to our sends late, and the sends ambiguous. */
    static void requireInboundAnsweredWithinHalfTheTimeout(Duration answerInboundWithin, Duration timeout) {
        if (answerInboundWithin.multipliedBy(2).compareTo(timeout) > 0) {
            throw new IllegalStateException("contact.adapters.smpp.answer-inbound-within (" + answerInboundWithin
                    + ") must be at most half of contact.adapters.smpp.timeout (" + timeout + ")");
        }
    }

    /** The next bind's session in turn, binding it anew if it is not bound. */
    public SMPPSession session() throws IOException {
        return session(Math.floorMod(nextBind.getAndIncrement(), sessions.length));
    }

    private SMPPSession session(int bind) throws IOException {
        synchronized (guards[bind]) {
            SMPPSession session = sessions[bind];
            if (session != null && session.getSessionState().isBound()) {
                return session;
            }
            if (session != null) {
                session.close();
            }
            sessions[bind] = bindOne(bind);
            return sessions[bind];
        }
    }

    private SMPPSession bindOne(int bind) throws IOException {
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(config.timeout().toMillis());
        fresh.setEnquireLinkTimer(30_000);
        // Incoming PDUs, the centre's deliver_sm and its answers to our submits alike, are handled on these threads.
        // Receipts hold theirs until committed: with no more threads than the centre's window, a burst of receipts
        // left the answers to our sends queued behind them, and the sends waiting on those answers.
        fresh.setPduProcessorDegree(INBOUND_AT_ONCE + answersAtOnce);
        fresh.setMessageReceiverListener(inbound);
        fresh.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(), config.password(),
                "arrears", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), config.timeout().toMillis());
        LOG.infof("bound to the SMS centre at %s:%d as %s (bind %d of %d)", config.host(), config.port(), config.systemId(),
                bind + 1, sessions.length);
        return fresh;
    }

    /** Keeps every bind up so replies and receipts arrive even when nothing is being sent. */
    public void keepBound() {
        for (int bind = 0; bind < sessions.length; bind++) {
            try {
                session(bind);
            } catch (IOException e) {
                LOG.warnf("cannot bind to the SMS centre at %s:%d (bind %d of %d): %s", config.host(), config.port(), bind + 1,
                        sessions.length, e.getMessage());
            }
        }
    }

    @PreDestroy
    void unbind() {
        for (int bind = 0; bind < sessions.length; bind++) {
            synchronized (guards[bind]) {
                if (sessions[bind] != null) {
                    sessions[bind].unbindAndClose();
                    sessions[bind] = null;
                }
            }
        }
    }
}
