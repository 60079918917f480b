package io.arrears.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

@ConfigMapping(prefix = "account")
public interface AccountConfig {

    Ageing ageing();

    interface Ageing {

        /** Days after the due date during which a payment still counts as on time. */
        @WithDefault("3")
        int graceDays();

        /** How many days before the due date a PaymentDueSoon is published for an unpaid minimum. */
        @WithDefault("3")
        int dueSoonDays();

        /** Days past due at which each bucket starts; the first must be 1. */
        @WithDefault("1,30,60,90,120,180")
        List<Integer> bucketStarts();

        /** Accounts reviewed per transaction in the end-of-day run. */
        @WithDefault("500")
        int chunkSize();

        /** Chunks reviewed at once by this replica in the end-of-day run. */
        @WithDefault("2")
        int workers();
    }
}
