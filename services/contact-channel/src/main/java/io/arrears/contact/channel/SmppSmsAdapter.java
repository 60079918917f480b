package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SubmitSmResult;

import java.util.Set;

/**
 * SMS over SMPP 3.4: one submit_sm per reminder, asking for a delivery receipt. SMPP has no way to
 * ask the SMS centre about a message by our own key, so an interrupted submit is UNKNOWN.
 */
@ApplicationScoped
class SmppSmsAdapter implements ChannelAdapter {

    /** SMPP command statuses that say "later", not "never": throttled, queue full, system error. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(0x08, 0x14, 0x58, 0x64);

    private final SmppGateway gateway;
    private final ContactConfig.Smpp config;

    SmppSmsAdapter(SmppGateway gateway, ContactConfig config) {
        this.gateway = gateway;
        this.config = config.adapters().smpp();
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        SmsText text = SmsText.encode(message.notice().shortText());
        String destination = message.to().address().replaceAll("[^0-9]", "");
        try {
            OptionalParameter[] payload = text.fitsShortMessage() ? new OptionalParameter[0]
                    : new OptionalParameter[] {new OptionalParameter.Message_payload(text.bytes())};
            SubmitSmResult result = gateway.session().submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                    config.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, new ESMClass(),
                    (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(text.alphabet()), (byte) 0,
                    text.fitsShortMessage() ? text.bytes() : new byte[0], payload);
            return SendResult.accepted(result.getMessageId());
        } catch (NegativeResponseException e) {
            String error = "SMPP submit_sm refused with status 0x" + Integer.toHexString(e.getCommandStatus());
            return TRANSIENT_STATUSES.contains(e.getCommandStatus()) ? SendResult.transientFailure(error) : SendResult.rejected(error);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            // submit_sm went out and no usable answer came back: the SMS centre may have the message.
            return SendResult.ambiguous("SMPP: no answer to submit_sm: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (Exception e) {
            return SendResult.transientFailure("SMPP: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public Lookup lookup(String reminderId) {
        return Lookup.unknowable();
    }

    @Scheduled(every = "${contact.adapters.smpp.rebind-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SmppNotSelected.class)
    void keepBound() {
        gateway.keepBound();
    }

    /** Binds only where SMS goes over SMPP. */
    public static class SmppNotSelected implements Scheduled.SkipPredicate {
        @Override
        public boolean test(ScheduledExecution execution) {
            return !"smpp".equals(Arc.container().instance(ContactConfig.class).get().adapters().channels().get("sms"));
        }
    }
}
