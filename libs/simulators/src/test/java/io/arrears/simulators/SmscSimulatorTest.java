package io.arrears.simulators;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SmscSimulatorTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    /**
     * As an SMS centre does: receipts are spread over the client's binds, each with a window of its own. With both
     * binds' answers held, ten wait on each and the other ten wait in the centre; answered, all thirty arrive.
     */
    @Test
    void receiptsAreSpreadOverTheBindsEachWithAWindowOfItsOwn() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CountDownLatch answer = new CountDownLatch(1);
        try (SmscSimulator smsc = SmscSimulator.start(port).autoReceipts(true)) {
            HeldReceipts first = new HeldReceipts(answer);
            HeldReceipts second = new HeldReceipts(answer);
            SMPPSession one = bind(port, first);
            SMPPSession two = bind(port, second);
            try {
                for (int i = 0; i < 30; i++) {
                    submit(i % 2 == 0 ? one : two, "4915112345" + String.format("%03d", i));
                }

                await().atMost(BOUND).until(() -> first.arrived.get() == 10 && second.arrived.get() == 10);
                assertThat(first.arrived.get() + second.arrived.get()).as("no bind takes more than its window").isEqualTo(20);

                answer.countDown();
                Set<String> all = ConcurrentHashMap.newKeySet();
                await().atMost(BOUND).until(() -> {
                    all.addAll(first.receipts);
                    all.addAll(second.receipts);
                    return all.size() == 30;
                });
            } finally {
                answer.countDown();
                one.unbindAndClose();
                two.unbindAndClose();
            }
        }
    }

    private static SMPPSession bind(int port, MessageReceiverListener listener) throws Exception {
        SMPPSession session = new SMPPSession();
        // Takes as many deliver_sm at once as the centre sends, so it is the centre's window that holds them back.
        session.setPduProcessorDegree(20);
        session.setMessageReceiverListener(listener);
        session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "test", "secret", "test",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        return session;
    }

    private static void submit(SMPPSession session, String destination) throws Exception {
        session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "BANK", TypeOfNumber.INTERNATIONAL,
                NumberingPlanIndicator.ISDN, destination, new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, new GeneralDataCoding(), (byte) 0,
                "payment reminder".getBytes(StandardCharsets.US_ASCII));
    }

    /** A client that takes each receipt and answers it only once {@code answer} opens. */
    private static final class HeldReceipts implements MessageReceiverListener {
        private final CountDownLatch answer;
        final AtomicInteger arrived = new AtomicInteger();
        final Set<String> receipts = ConcurrentHashMap.newKeySet();

        HeldReceipts(CountDownLatch answer) {
            this.answer = answer;
        }

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            arrived.incrementAndGet();
            receipts.add(new String(deliverSm.getShortMessage(), StandardCharsets.US_ASCII).split(" ")[0]);
            try {
                if (!answer.await(30, TimeUnit.SECONDS)) {
                    throw new ProcessRequestException("not answered", 0x08);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03);
        }
    }
}
