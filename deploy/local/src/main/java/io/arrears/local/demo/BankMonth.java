package io.arrears.local.demo;

import io.arrears.events.BusinessDayClosed;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.EventType;
import io.arrears.events.PaymentPosted;
import io.arrears.events.StatementIssued;
import io.arrears.events.Topics;
import io.arrears.local.demo.Population.Holder;
import io.arrears.local.demo.Population.Payer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A bank month played against the running system: core banking publishes its cardholders, their
 * statements, their payments and the close of each business day; agents work the queue and negotiate
 * promises and plans; cardholders complain and officers resolve. Time is the simulated clock every
 * service shares, so the month passes in minutes. A line per day shows the month unfolding; a summary
 * at the end shows what the bank would report.
 */
public final class BankMonth {

    static final ZoneId BANK_ZONE = ZoneId.of(Population.HOME_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    private static final Duration LOAD_BOUND = Duration.ofMinutes(5);
    private static final String[] PAYMENT_CHANNELS = {"MOBILE_BANKING", "ONLINE_BANKING", "ALIPAY", "WECHAT_PAY", "BANK_TRANSFER"};

    private final DemoSettings settings;
    private final Map<String, Holder> holders = new HashMap<>();
    private final TreeMap<LocalDate, List<Payment>> payments = new TreeMap<>();
    private final List<OpenComplaint> complaints = new ArrayList<>();
    private final Map<String, Integer> deskCounts = new TreeMap<>();
    private final Random random;
    private final Feed feed;
    private final Observer observer;
    private final Desk desk;
    private final AgencyFloor agencies;
    private LocalDate first;
    private int postedPayments;

    private record Payment(String accountId, BigDecimal amount) {
    }

    private static final class OpenComplaint {
        final String id;
        final LocalDate received;
        final LocalDate resolveOn;
        String step = "received";

        OpenComplaint(String id, LocalDate received, LocalDate resolveOn) {
            this.id = id;
            this.received = received;
            this.resolveOn = resolveOn;
        }
    }

    BankMonth(DemoSettings settings, Function<String, String> tokenFor) {
        this.settings = settings;
        this.random = new Random(settings.seed() * 31 + 7);
        Population.draw(settings.accounts(), settings.seed()).forEach(h -> holders.put(h.accountId(), h));
        Population.backBook(settings.accounts(), settings.seed()).forEach(h -> holders.put(h.accountId(), h));
        this.feed = new Feed(settings.bootstrap(), "/corebanking/simulator", settings.clock());
        this.observer = new Observer(settings.bootstrap(), this::inContactHours);
        this.desk = new Desk(settings.urls(), tokenFor);
        this.agencies = new AgencyFloor(desk, new Random(settings.seed() * 13 + 5), this::promisedToAnAgency);
    }

    /**
     * A request made at home between 08:00 and 20:00 is sendable at once; the shipped policy packs open
     * contact windows from 08:00 to 21:00, and the hour's margin keeps a retry inside the window.
     */
    private boolean inContactHours(String accountId, long requestedAtMillis) {
        Holder h = holders.get(accountId);
        if (h == null || !h.atHome()) {
            return false;
        }
        LocalTime local = settings.clock().simulatedInstantOf(Instant.ofEpochMilli(requestedAtMillis)).atZone(BANK_ZONE).toLocalTime();
        return !local.isBefore(LocalTime.of(8, 0)) && local.isBefore(LocalTime.of(20, 0));
    }

    public static void play(Function<String, String> tokenFor) throws Exception {
        BankMonth month = new BankMonth(DemoSettings.fromSystemProperties(), tokenFor);
        try {
            month.play();
        } finally {
            month.feed.close();
            month.observer.close();
        }
    }

    private void play() throws Exception {
        say(String.format("A bank month for %,d card accounts, %d days, seed %d; one simulated day takes %.0f s.",
                settings.accounts(), settings.days(), settings.seed(), settings.daySeconds()));
        long started = System.nanoTime();
        loadTheBook();
        say("");
        say(" day               paid  cured  past due  reminders (SMS/EMAIL/VOICE/LETTER)   suppressed  promises  plans  complaints");
        for (int i = 0; i < settings.days(); i++) {
            LocalDate day = first.plusDays(i);
            at(day, LocalTime.of(0, 2), () -> closeBusinessDay(day.minusDays(1)));
            if (i == 0) {
                at(day, LocalTime.of(9, 0), () -> awaitStatementsRead());
            }
            at(day, LocalTime.of(10, 0), () -> postPayments(day));
            if (i == 2) {
                at(day, LocalTime.of(10, 30), this::sendMalformedRecords);
            }
            at(day, LocalTime.of(11, 0), () -> workTheQueue(day));
            at(day, LocalTime.of(14, 0), () -> handleComplaints(day));
            at(day, LocalTime.of(15, 0), () -> agencies.dayRound(day));
            at(day, LocalTime.of(21, 30), agencies::eveningRound);
            at(day, LocalTime.of(23, 30), () -> progress(day));
        }
        LocalDate end = first.plusDays(settings.days());
        at(end, LocalTime.of(0, 2), () -> closeBusinessDay(end.minusDays(1)));
        at(end, LocalTime.of(0, 2), this::drain);
        new MonthReport(observer.tally(), desk, deskCounts, settings,
                Duration.ofNanos(System.nanoTime() - started)).print(System.out);
        new AgencyReport(desk, agencies.counts(), Population.backBook(settings.accounts(), settings.seed()).size(), first,
                first.plusDays(settings.days() - 1)).print(System.out);
    }

    /**
     * Core banking's nightly extract: the cardholders first, then, once the month's first day is fixed,
     * the statements falling due in it. Payments wait until the account service has read them all.
     */
    private void loadTheBook() throws Exception {
        for (Holder h : holders.values()) {
            List<CustomerUpdated.Phone> phones = h.phone() == null ? List.of() : List.of(new CustomerUpdated.Phone(h.phone(), "MOBILE", true));
            List<CustomerUpdated.Consent> consents = h.smsConsent() ? List.of()
                    : List.of(new CustomerUpdated.Consent(io.arrears.events.Channel.SMS, false, now()));
            boolean abroad = !h.atHome();
            feed.send(new CustomerUpdated(h.customerId(), List.of(h.accountId()), h.name(), phones, h.email(),
                    new CustomerUpdated.PostalAddress(List.of(h.n() + (abroad ? " Baker Street" : " Nanjing Road")), abroad ? "London" : "Shanghai",
                            abroad ? "NW1 6XE" : "200001", abroad ? null : "SH", abroad ? "GB" : "CN"),
                    h.language(), h.timezone(), consents, false));
        }
        feed.flush();
        awaitRead("arrears-contact-channel", Topics.CUSTOMERS);
        first = today().plusDays(1);
        for (Holder h : holders.values()) {
            LocalDate due = first.plusDays(h.dueOffset());
            feed.send(new StatementIssued(h.accountId(), h.customerId(), "ST-" + h.accountId() + "-" + due, due.minusDays(25), due,
                    h.balance(), h.minimumDue(), "CNY", h.product(), h.cardLast4()));
            if (h.payOffset() != Integer.MAX_VALUE) {
                payments.computeIfAbsent(due.plusDays(h.payOffset()), d -> new ArrayList<>()).add(new Payment(h.accountId(), h.payAmount()));
            }
        }
        feed.flush();
        say(String.format("Core banking published %,d cardholders and %,d statements, due %s to %s; the month runs from %s to %s.",
                holders.size(), holders.size(), first.plusDays(1), first.plusDays(10), first, first.plusDays(settings.days() - 1)));
    }

    private void awaitRead(String group, String topic) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(settings.bootstrap())) {
            if (!lag.awaitCaughtUp(group, topic, LOAD_BOUND)) {
                say("  (" + group + " had not read all of " + topic + " after " + LOAD_BOUND.toSeconds() + " s; the month goes on)");
            }
        }
    }

    private void awaitStatementsRead() {
        try {
            awaitRead("arrears-account", Topics.STATEMENTS);
        } catch (Exception e) {
            say("  (could not read the account service's progress: " + e.getMessage() + ")");
        }
    }

    private void closeBusinessDay(LocalDate day) {
        feed.sendNow(new BusinessDayClosed(day));
        observer.dayClosedAt.put(System.currentTimeMillis(), day.toString());
    }

    /** The day's payments, and any dated earlier that had no business day to land on yet. */
    private void postPayments(LocalDate day) {
        var due = payments.headMap(day, true);
        List<Payment> today = due.values().stream().flatMap(List::stream).toList();
        due.clear();
        for (Payment p : today) {
            postedPayments++;
            String id = "PAY-" + p.accountId() + "-" + day + "-" + random.nextInt(1_000_000);
            var postedAt = day.atTime(10, random.nextInt(60)).atZone(BANK_ZONE).toOffsetDateTime();
            observer.paymentPublishedAt.put(id, System.currentTimeMillis());
            feed.send(new PaymentPosted(p.accountId(), id, p.amount(), "CNY", postedAt, PAYMENT_CHANNELS[random.nextInt(PAYMENT_CHANNELS.length)]));
        }
        feed.flush();
    }

    /** Upstream systems are not perfect: a truncated record and one with a negative amount, among good ones. */
    private void sendMalformedRecords() {
        feed.sendBody(EventType.PAYMENT_POSTED, "ACC-0000001",
                "{\"accountId\":\"ACC-0000001\",\"paymentId\":\"PAY-TRUNC".getBytes(StandardCharsets.UTF_8));
        feed.sendBody(EventType.PAYMENT_POSTED, "ACC-0000002",
                ("{\"accountId\":\"ACC-0000002\",\"paymentId\":\"PAY-NEG\",\"amount\":-50.00,\"currency\":\"CNY\","
                        + "\"postedAt\":\"" + now() + "\",\"channel\":\"ATM\"}").getBytes(StandardCharsets.UTF_8));
        feed.flush();
    }

    /** Agents call the top of the queue: a promise, a plan, or no answer, as the cardholder is inclined. */
    private void workTheQueue(LocalDate day) {
        int capacity = Math.max(5, settings.accounts() / 500);
        try {
            for (Desk.WorkItem item : desk.workQueue(capacity)) {
                Holder h = holders.get(item.accountId());
                if (h == null) {
                    continue;
                }
                try {
                    call(day, item, h);
                } catch (Desk.RefusedRequest e) {
                    deskCounts.merge("desk requests refused", 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            deskCounts.merge("desk errors", 1, Integer::sum);
            say("  (the agents' desk could not reach the work queue: " + e.getMessage() + ")");
        }
    }

    private void call(LocalDate day, Desk.WorkItem item, Holder h) throws Exception {
        double r = random.nextDouble();
        if (h.payer() == Payer.ON_TIME || h.payer() == Payer.LATE) {
            desk.recordCall(item.caseId(), "REACHED");
            deskCounts.merge("calls reached", 1, Integer::sum);
        } else if (r < 0.4) {
            LocalDate promised = day.plusDays(3);
            desk.recordPromise(item.caseId(), item.amountOverdue(), promised);
            deskCounts.merge("promises made", 1, Integer::sum);
            if (h.keepsWord()) {
                payments.computeIfAbsent(promised, d -> new ArrayList<>()).add(new Payment(h.accountId(), item.amountOverdue()));
            }
        } else if (r < 0.7) {
            Map<String, Object> terms = random.nextBoolean()
                    ? Map.of("type", "INSTALMENTS", "instalments", 3, "firstDueDate", day.plusDays(7).toString())
                    : Map.of("type", "DEFERRAL", "payBy", day.plusDays(10).toString());
            Map<LocalDate, BigDecimal> schedule = desk.agreePlan(item.caseId(), terms);
            deskCounts.merge("plans negotiated", 1, Integer::sum);
            if (h.keepsWord()) {
                schedule.forEach((due, amount) -> payments.computeIfAbsent(due.minusDays(1), d -> new ArrayList<>())
                        .add(new Payment(h.accountId(), amount)));
            }
        } else {
            desk.recordCall(item.caseId(), "NO_ANSWER");
            deskCounts.merge("calls not answered", 1, Integer::sum);
        }
    }

    /**
     * A cardholder who promised an agency pays on the day, if they keep their word: the payment reaches the bank,
     * which cures the account and recalls it, and the agency earns its commission on it.
     */
    private void promisedToAnAgency(LocalDate by, Map.Entry<String, BigDecimal> promise) {
        try {
            String account = desk.request("agency", "supervisor", "GET", "/placements/" + promise.getKey(), null).body().path("accountId").asText();
            Holder h = holders.get(account);
            if (h != null && h.keepsWord()) {
                payments.computeIfAbsent(by, d -> new ArrayList<>()).add(new Payment(account, promise.getValue()));
            }
        } catch (Exception e) {
            deskCounts.merge("desk errors", 1, Integer::sum);
        }
    }

    /** A few cardholders in arrears complain each day; officers acknowledge the next day and resolve within a week. */
    private void handleComplaints(LocalDate day) {
        try {
            for (OpenComplaint c : complaints) {
                if ("received".equals(c.step) && day.isAfter(c.received)) {
                    desk.workComplaint(c.id, "acknowledge", null);
                    desk.workComplaint(c.id, "investigate", null);
                    c.step = "investigating";
                } else if ("investigating".equals(c.step) && c.resolveOn != null && !day.isBefore(c.resolveOn)) {
                    String outcome = random.nextDouble() < 0.3 ? "UPHELD" : "REJECTED";
                    desk.workComplaint(c.id, "resolve", Map.of("outcome", outcome,
                            "remedy", "UPHELD".equals(outcome) ? "Apology and contact schedule reviewed" : "Contact was within policy"));
                    c.step = "resolved";
                }
            }
            List<String> inArrears = observer.delinquentAccounts();
            int today = inArrears.isEmpty() ? 0 : random.nextInt(Math.max(1, settings.accounts() / 2_500) + 1);
            for (int k = 0; k < today; k++) {
                String account = inArrears.get(random.nextInt(inArrears.size()));
                boolean holds = random.nextDouble() < 0.6;
                String category = holds ? (random.nextBoolean() ? "HARASSMENT" : "CONTACT_TIME") : (random.nextBoolean() ? "WRONG_AMOUNT" : "SERVICE");
                String id = desk.openComplaint(account, category, "Cardholder called about the collection of their card arrears.");
                complaints.add(new OpenComplaint(id, day, random.nextDouble() < 0.8 ? day.plusDays(3 + random.nextInt(5)) : null));
                deskCounts.merge("complaints received", 1, Integer::sum);
            }
        } catch (Exception e) {
            deskCounts.merge("desk errors", 1, Integer::sum);
            say("  (the complaints desk could not finish its day: " + e.getMessage() + ")");
        }
    }

    private void progress(LocalDate day) {
        Observer.Tally t = observer.tally();
        int sms = sent(t, "SMS"), email = sent(t, "EMAIL"), voice = sent(t, "VOICE"), letter = sent(t, "LETTER");
        int suppressed = t.reminders().values().stream().mapToInt(m -> m.getOrDefault("SUPPRESSED", 0)).sum();
        say(String.format("%3d %s %7d %6d %9d  %,6d (%d/%d/%d/%d)%s %10d %9d %6d %11d",
                day.toEpochDay() - first.toEpochDay() + 1, DAY.format(day), postedPayments, t.count("cured"),
                t.delinquentByBucket().values().stream().mapToLong(Long::longValue).sum(), sms + email + voice + letter,
                sms, email, voice, letter, " ".repeat(Math.max(0, 16 - String.format("(%d/%d/%d/%d)", sms, email, voice, letter).length())),
                suppressed, deskCounts.getOrDefault("promises made", 0), t.count("PLAN_AGREED"),
                deskCounts.getOrDefault("complaints received", 0)));
    }

    private static int sent(Observer.Tally t, String channel) {
        return t.reminders(channel, "SENT") + t.reminders(channel, "DELIVERED") + t.reminders(channel, "UNKNOWN");
    }

    /**
     * Lets the reminders requested in the month reach their providers, for at most one more simulated
     * day: the month ends, and what is still waiting then is reported as awaiting.
     */
    private void drain() {
        Instant giveUp = settings.clock().realInstantOf(ZonedDateTime.of(first.plusDays(settings.days() + 1), LocalTime.MIDNIGHT, BANK_ZONE).toInstant());
        try {
            while (observer.tally().awaitingOutcome() > 0 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code action} when the simulated clock reaches {@code time} on {@code day} (at once if that has passed). */
    private void at(LocalDate day, LocalTime time, Runnable action) throws InterruptedException {
        Instant when = ZonedDateTime.of(day, time, BANK_ZONE).toInstant();
        long wait = Duration.between(Instant.now(), settings.clock().realInstantOf(when)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        action.run();
    }

    private LocalDate today() {
        return LocalDate.now(settings.clock().withZone(BANK_ZONE));
    }

    private java.time.OffsetDateTime now() {
        return java.time.OffsetDateTime.now(settings.clock()).atZoneSameInstant(BANK_ZONE).toOffsetDateTime();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
