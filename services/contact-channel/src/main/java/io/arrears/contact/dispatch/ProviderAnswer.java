package io.arrears.contact.dispatch;

import io.arrears.contact.channel.SendResult;

/** What the provider said about one reminder handed to it. */
record ProviderAnswer(String reminderId, SendResult result) {

    @Override
    public String toString() {
        return reminderId;
    }
}
