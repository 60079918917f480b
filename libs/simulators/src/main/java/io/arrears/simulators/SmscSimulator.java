package io.arrears.simulators;

import org.jsmpp.PDUStringException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An SMS centre on loopback speaking real SMPP 3.4 (jSMPP's server side): it accepts binds, answers
 * submit_sm with a message id, and can send delivery receipts and handset replies (deliver_sm) back
 * on the bound sessions, as a gateway does.
 */
public final class SmscSimulator implements AutoCloseable {

    /** One message a client submitted. */
    public record Submitted(String messageId, String destination, String source, String text, Instant at) {
    }

    private final SMPPServerSessionListener listener;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    // Arrival order and lookup by id, both constant-time per message: a capacity run submits hundreds of thousands.
    private final Queue<Submitted> submitted = new ConcurrentLinkedQueue<>();
    private final Map<String, Submitted> byId = new ConcurrentHashMap<>();
    private volatile Duration stall = Duration.ZERO;
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAnswering = new AtomicInteger();
    /**
     * As an SMS centre's window: up to this many deliver_sm in flight on a bind, each waiting for the client's
     * answer. With one at a time, a client that answers after its commit could never commit two together.
     */
    private static final int WINDOW = 10;
    private final ScheduledExecutorService outbound = Executors.newScheduledThreadPool(WINDOW, r -> daemon(r, "smsc-outbound"));
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private final Thread acceptor;
    private volatile boolean autoReceipts;
    private volatile boolean keepHistory = true;
    private volatile Consumer<Submitted> onSubmit = s -> { };
    private volatile boolean running = true;

    private SmscSimulator(int port) throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = daemon(this::acceptLoop, "smsc-accept");
        acceptor.start();
    }

    public static SmscSimulator start(int port) {
        try {
            return new SmscSimulator(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for SMPP on port " + port, e);
        }
    }

    public int port() {
        return listener.getPort();
    }

    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    /** The most submit_sm this centre has been answering at once since the last call; starts counting again. */
    public int mostAtOnceSinceLastAsked() {
        return mostAnswering.getAndSet(answering.get());
    }

    /**
     * Takes each submit_sm but answers only after {@code hang}, as an SMS centre that stalls after
     * accepting a message does: a client with a shorter timeout cannot know the message was taken.
     */
    public SmscSimulator stallAnswers(Duration hang) {
        this.stall = hang;
        return this;
    }

    /** Whether every submit gets a DELIVRD receipt right after it, as a healthy network would. */
    public SmscSimulator autoReceipts(boolean on) {
        this.autoReceipts = on;
        return this;
    }

    /**
     * Off for a capacity run: a message is forgotten once its receipt is taken, so a million of them do not
     * fill the heap; {@link #submitted()} is then empty.
     */
    public SmscSimulator keepHistory(boolean on) {
        this.keepHistory = on;
        return this;
    }

    public SmscSimulator onSubmit(Consumer<Submitted> listener) {
        this.onSubmit = listener;
        return this;
    }

    public boolean hasBoundClient() {
        return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
    }

    /** Sends a delivery receipt for a submitted message to the bound clients. */
    public void receipt(String messageId, boolean delivered) {
        Submitted message = byId.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId + " was submitted");
        }
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, delivered ? 1 : 0, Date.from(message.at()), new Date(),
                delivered ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV, delivered ? "000" : "001", "");
        deliver(message.destination(), message.source(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT), receipt.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * As an SMS centre does: a receipt the client refuses (it may not have recorded the message yet)
     * is offered again a little later, a bounded number of times.
     */
    private void receiptUntilTaken(String messageId, int attempt) {
        try {
            receipt(messageId, true);
            if (!keepHistory) {
                byId.remove(messageId);
            }
        } catch (IllegalStateException refused) {
            if (attempt < 20 && running) {
                outbound.schedule(() -> receiptUntilTaken(messageId, attempt + 1), 500, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** A text from a handset to the bank's short code, e.g. a STOP reply. */
    public void fromHandset(String from, String to, String text) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        deliver(from, to, new ESMClass(), new GeneralDataCoding(ascii ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2),
                text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE));
    }

    private void deliver(String from, String to, ESMClass esm, GeneralDataCoding coding, byte[] bytes) {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isReceivable()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no client is bound to receive"));
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from, TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, to, esm, (byte) 0, (byte) 0, new RegisteredDelivery(0), coding, bytes);
        } catch (Exception e) {
            throw new IllegalStateException("deliver_sm failed: " + e.getMessage(), e);
        }
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5_000);
                bind.accept("arrears-smsc");
                sessions.add(session);
            } catch (Exception e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sessions.forEach(SMPPServerSession::unbindAndClose);
        outbound.shutdownNow();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            mostAnswering.accumulateAndGet(answering.incrementAndGet(), Math::max);
            try {
                return accept(submit);
            } finally {
                answering.decrementAndGet();
            }
        }

        private SubmitSmResult accept(SubmitSm submit) throws ProcessRequestException {
            String messageId = Long.toString(ids.incrementAndGet());
            OptionalParameter.OctetString payload = submit.getOptionalParameter(OptionalParameter.Message_payload.class);
            byte[] bytes = payload != null ? payload.getValue() : submit.getShortMessage();
            byte coding = submit.getDataCoding();
            boolean ucs2 = (coding & 0xC0) == 0 && ((coding >> 2) & 0x03) == 2;
            Submitted message = new Submitted(messageId, submit.getDestAddress(), submit.getSourceAddr(),
                    new String(bytes, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1), Instant.now());
            byId.put(messageId, message);
            if (keepHistory) {
                submitted.add(message);
            }
            Duration hang = stall;
            if (!hang.isZero()) {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            outbound.submit(() -> {
                onSubmit.accept(message);
                if (autoReceipts) {
                    receiptUntilTaken(messageId, 1);
                }
            });
            try {
                return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03);
        }
    }
}
