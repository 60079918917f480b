package io.arrears.e2e;

import io.arrears.events.BusinessDayClosed;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.PaymentPosted;
import io.arrears.events.StatementIssued;
import io.arrears.testing.KafkaTestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The upstream feed as a test drives it. Business days are one calendar for the whole system, so
 * each scenario gets its own stretch of days, later than any closed before.
 */
final class CoreBanking {

    private static LocalDate nextFreeDay = LocalDate.of(2031, 1, 6);

    /** A cardholder with one account and their contact data, published as core banking would. */
    record Holder(String accountId, String customerId, String phone, String email, String cardLast4) {

        String phoneDigits() {
            return phone.substring(1);
        }
    }

    /** One statement cycle of the scenario: issued on {@code issued}, due 25 days later. */
    record Cycle(LocalDate issued, LocalDate due) {

        /** Day 1 past due: the due date plus 3 days of grace, plus one. */
        LocalDate firstDayPastDue() {
            return due.plusDays(4);
        }
    }

    static synchronized Cycle nextCycle() {
        LocalDate issued = nextFreeDay;
        nextFreeDay = nextFreeDay.plusDays(400);
        return new Cycle(issued, issued.plusDays(25));
    }

    /** The cardholder's name and street on every holder's record: no service may write them to a log. */
    static final String NAME = "Wang Fang";
    static final String STREET = "1 Nanjing Road";
    private static final List<Holder> ISSUED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every holder published so far. */
    static List<Holder> issued() {
        return List.copyOf(ISSUED);
    }

    static Holder holder(String timezone) {
        String account = "ACC-" + UUID.randomUUID();
        String phone = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Holder holder = new Holder(account, "CUS-" + account, phone, "holder+" + account.substring(4, 12) + "@example.com",
                String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)));
        ISSUED.add(holder);
        KafkaTestClient.publish(new CustomerUpdated(holder.customerId(), List.of(account), NAME,
                List.of(new CustomerUpdated.Phone(phone, "MOBILE", true)), holder.email(),
                new CustomerUpdated.PostalAddress(List.of(STREET), "Shanghai", "200001", null, "CN"), "en", timezone, List.of(), false));
        return holder;
    }

    static void statement(Holder holder, Cycle cycle, String minimumDue) {
        KafkaTestClient.publish(new StatementIssued(holder.accountId(), holder.customerId(), "ST-" + holder.accountId(), cycle.issued(),
                cycle.due(), new BigDecimal("3000.00"), new BigDecimal(minimumDue), "CNY", "CLASSIC", holder.cardLast4()));
    }

    static void closeDays(LocalDate from, LocalDate through) {
        for (LocalDate day = from; !day.isAfter(through); day = day.plusDays(1)) {
            KafkaTestClient.publish(new BusinessDayClosed(day));
        }
    }

    static String pay(Holder holder, String amount, LocalDate on) {
        String id = "PAY-" + UUID.randomUUID();
        KafkaTestClient.publish(new PaymentPosted(holder.accountId(), id, new BigDecimal(amount), "CNY",
                on.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)), "MOBILE_BANKING"));
        return id;
    }

    static OffsetDateTime noon(LocalDate day) {
        return day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
    }

    private CoreBanking() {
    }
}
