package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ProviderReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Turns providers' receipts (SMPP deliver_sm, IVR and webhook callbacks) into DELIVERED or FAILED.
 * A receipt for a message we have not recorded yet is refused, so the provider delivers it again.
 */
@ApplicationScoped
class Deliveries {

    private final AttemptRepository attempts;
    private final AttemptOutcomes outcomes;

    Deliveries(AttemptRepository attempts, AttemptOutcomes outcomes) {
        this.attempts = attempts;
        this.outcomes = outcomes;
    }

    @Transactional
    void onReceipt(@Observes ProviderReceipt receipt) {
        ContactAttempt attempt = attempts.byProviderMessageId(receipt.providerMessageId())
                .orElseThrow(() -> new ProviderReceipt.UnknownMessage(receipt.providerMessageId()));
        if (receipt.callOutcome() != null) {
            attempt.callOutcome = receipt.callOutcome();
        }
        if (attempt.status.awaitsReceipt()) {
            outcomes.finish(attempt, receipt.delivered() ? AttemptStatus.DELIVERED : AttemptStatus.FAILED, receipt.detail(), null);
        }
    }
}
