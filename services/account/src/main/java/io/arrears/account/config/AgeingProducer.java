package io.arrears.account.config;

import io.arrears.account.domain.AgeingPolicy;
import io.arrears.account.domain.Ageing;
import io.arrears.account.domain.Buckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the ageing rules from configuration once; a bad bucket list fails start-up. */
@ApplicationScoped
class AgeingProducer {

    @Produces
    @ApplicationScoped
    Ageing ageing(AccountConfig config) {
        AccountConfig.Ageing ageing = config.ageing();
        return new Ageing(new AgeingPolicy(ageing.graceDays(), ageing.dueSoonDays(), new Buckets(ageing.bucketStarts())));
    }
}
