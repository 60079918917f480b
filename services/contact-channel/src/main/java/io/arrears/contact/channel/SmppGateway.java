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

/**
 * The one transceiver (TRX) bind to the SMS centre: submits go out on it, and delivery receipts and
 * the cardholders' replies come back on it. A broken bind is replaced on the next use.
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
    private final SmsInbound inbound;
    private SMPPSession session;

    SmppGateway(ContactConfig config, SmsInbound inbound) {
        this.config = config.adapters().smpp();
        this.inbound = inbound;
    }

    /** SMPP 3.4 fixes the lengths of the bind credentials; a longer one would never bind, so it stops start-up instead. */
    void check(@Observes StartupEvent start) {
        if (config.systemId().length() > 15) {
            throw new IllegalStateException("contact.adapters.smpp.system-id: SMPP allows at most 15 characters");
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

    /** A bound session, binding anew if there is none. */
    public synchronized SMPPSession session() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (session != null) {
            session.close();
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(config.timeout().toMillis());
        fresh.setEnquireLinkTimer(30_000);
        fresh.setPduProcessorDegree(INBOUND_AT_ONCE);
        fresh.setMessageReceiverListener(inbound);
        fresh.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(), config.password(),
                "arrears", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), config.timeout().toMillis());
        LOG.infof("bound to the SMS centre at %s:%d as %s", config.host(), config.port(), config.systemId());
        session = fresh;
        return session;
    }

    /** Keeps the bind up so replies and receipts arrive even when nothing is being sent. */
    public void keepBound() {
        try {
            session();
        } catch (IOException e) {
            LOG.warnf("cannot bind to the SMS centre at %s:%d: %s", config.host(), config.port(), e.getMessage());
        }
    }

    @PreDestroy
    synchronized void unbind() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }
}
