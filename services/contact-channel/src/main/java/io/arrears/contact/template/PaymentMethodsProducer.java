package io.arrears.contact.template;

import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** How to pay, per language, as every message states it; a language without it stops start-up, naming the key. */
@ApplicationScoped
class PaymentMethodsProducer {

    @Produces
    @Singleton
    NoticeData.Payment payment(ContactConfig config) {
        Map<String, NoticeData.PaymentMethods> byLanguage = new HashMap<>();
        for (String language : config.languages()) {
            String transfer = config.payment().bankTransfer().get(language);
            String online = config.payment().onlineBanking().get(language);
            if (transfer == null || online == null) {
                throw new IllegalStateException("contact.payment.bank-transfer." + language + " and contact.payment.online-banking."
                        + language + " must be set for every language in contact.languages");
            }
            String wallets = config.payment().wallets().getOrDefault(language, "");
            byLanguage.put(language, new NoticeData.PaymentMethods(transfer, online,
                    Arrays.stream(wallets.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList()));
        }
        return new NoticeData.Payment(byLanguage, config.defaultLanguage());
    }
}
