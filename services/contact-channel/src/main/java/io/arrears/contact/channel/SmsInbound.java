package io.arrears.contact.channel;

import io.arrears.contact.customer.InboundSms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * What the SMS centre sends us on the TRX bind: delivery receipts for our messages and texts from
 * cardholders. A deliver_sm is acknowledged only after it is recorded; if recording fails, the SMSC
 * gets an error and delivers it again.
 */
@ApplicationScoped
class SmsInbound implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmsInbound.class);
    /** SMPP's generic "system error" status: the SMSC will retry the deliver_sm. */
    private static final int SYSTEM_ERROR = 0x08;

    private final Event<ProviderReceipt> receipts;
    private final Event<InboundSms> replies;

    SmsInbound(Event<ProviderReceipt> receipts, Event<InboundSms> replies) {
        this.receipts = receipts;
        this.replies = replies;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                boolean delivered = receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD;
                receipts.fire(ProviderReceipt.fromSmsCentre(receipt.getId(), delivered,
                        delivered ? null : "SMSC receipt " + receipt.getFinalStatus() + " error " + receipt.getError()));
            } else {
                OptionalParameter.OctetString payload = deliverSm.getOptionalParameter(OptionalParameter.Message_payload.class);
                byte[] bytes = payload != null ? payload.getValue() : deliverSm.getShortMessage();
                replies.fire(new InboundSms(deliverSm.getSourceAddr(), SmsText.decode(deliverSm.getDataCoding(), bytes)));
            }
        } catch (InvalidDeliveryReceiptException e) {
            LOG.warnf("unreadable delivery receipt ignored: %s", e.getMessage());
        } catch (ProviderReceipt.UnknownMessage e) {
            // A fast SMS centre can report delivery before the submit's own transaction has committed.
            LOG.debugf("receipt ahead of its submit, the SMSC will deliver it again: %s", e.getMessage());
            throw new ProcessRequestException("not recorded yet: " + e.getMessage(), SYSTEM_ERROR);
        } catch (ProviderReceipt.NotRecordedNow | InboundSms.NotRecordedNow e) {
            // The database is away or slow: expected while it restarts, and the SMSC keeps the deliver_sm.
            LOG.debugf("deliver_sm refused, the SMSC will deliver it again: %s", e.getMessage());
            throw new ProcessRequestException("not recorded: " + e.getMessage(), SYSTEM_ERROR);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record a deliver_sm; the SMSC will deliver it again");
            throw new ProcessRequestException("not recorded: " + e.getMessage(), SYSTEM_ERROR);
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
