package io.arrears.contact.channel;

import io.arrears.contact.customer.ContactPoint;
import io.arrears.contact.template.RenderedNotice;

/** A rendered notice on its way to one contact point, under the reminder id that makes it unique. */
public record OutgoingMessage(String reminderId, String accountId, ContactPoint to, RenderedNotice notice) {

    @Override
    public String toString() {
        return "reminder " + reminderId + " to " + to;
    }
}
