package io.arrears.contact.channel;

import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.template.RenderedNotice;

/**
 * A rendered notice on its way to one contact point, under the reminder id that makes it unique.
 * {@code cardLast4} is what an automated call asks the cardholder for before it states the debt.
 */
public record OutgoingMessage(String reminderId, String accountId, ContactPoint to, RenderedNotice notice, String cardLast4) {

    public OutgoingMessage(String reminderId, String accountId, ContactPoint to, RenderedNotice notice) {
        this(reminderId, accountId, to, notice, null);
    }

    @Override
    public String toString() {
        return "reminder " + reminderId + " to " + to;
    }
}
