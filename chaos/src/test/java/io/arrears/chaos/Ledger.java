package io.arrears.chaos;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.EventJson;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PlanAgreed;
import io.arrears.events.ReminderRequested;
import io.arrears.events.Topics;
import io.arrears.simulators.SmscSimulator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What happened to one scenario's work, counted where it ended up: the requests on the topic, the
 * attempts in contact-channel's database, and the messages the providers hold. Every count is read
 * from the records of the system and its providers, never from what the scenario meant to do.
 */
final class Ledger {

    /** One line of the results table. */
    record Row(String scenario, String load, String broken, int expected, int delivered, int duplicated, int lost, int unknown,
               int held, List<String> violations) {

        boolean passed() {
            return duplicated == 0 && lost == 0 && violations.isEmpty();
        }
    }

    /** How long a consumer's transaction may take between its inbox row and its commit. */
    static final Duration COMMIT_TOLERANCE = Duration.ofSeconds(5);

    private final ChaosSystem system;
    private final Burst burst;

    Ledger(ChaosSystem system, Burst burst) {
        this.system = system;
        this.burst = burst;
    }

    /** True once nothing of the scenario is on its way: no request without a final attempt, no outbox row, no consumer behind. */
    boolean drained() throws Exception {
        Set<String> requested = requested().keySet();
        Map<String, Attempt> attempts = attempts();
        boolean settled = requested.stream().allMatch(id -> attempts.containsKey(id) && attempts.get(id).settled());
        return settled && outboxesEmpty() && lagging().isEmpty();
    }

    Row count(String scenario, String broken) throws Exception {
        Map<String, ReminderRequested> requested = requested();
        Map<String, Attempt> attempts = attempts();
        Map<String, Integer> atProvider = atProvider(attempts);
        int expected = 0;
        int delivered = 0;
        int duplicated = 0;
        int lost = 0;
        int unknown = 0;
        int held = 0;
        List<String> violations = new ArrayList<>();
        for (String reminderId : requested.keySet()) {
            Attempt attempt = attempts.get(reminderId);
            int messages = atProvider.getOrDefault(reminderId, 0);
            if (attempt == null) {
                lost++;
                violations.add(reminderId + ": requested, but contact-channel has no attempt");
                continue;
            }
            switch (attempt.status) {
                case "SENT", "DELIVERED" -> {
                    expected++;
                    if (messages == 0) {
                        lost++;
                        violations.add(reminderId + ": " + attempt.status + " but no message at the provider");
                    } else {
                        delivered++;
                        duplicated += messages - 1;
                    }
                }
                case "UNKNOWN" -> {
                    unknown++;
                    duplicated += Math.max(0, messages - 1);
                }
                case "DEFERRED" -> {
                    held++;
                    duplicated += messages;
                }
                case "FAILED", "SUPPRESSED" -> duplicated += messages;
                default -> {
                    lost++;
                    violations.add(reminderId + ": still " + attempt.status + " after the system drained");
                }
            }
        }
        duplicated += unmatchedSms(attempts);
        violations.addAll(appliedExactlyOnce());
        violations.addAll(noContactAfterCure(requested));
        violations.addAll(noContactWhileHeld());
        if (!outboxesEmpty()) {
            violations.add("an outbox still holds rows, or a row is parked");
        }
        violations.addAll(caughtUp());
        String load = burst.holders.size() + " accounts, " + requested.size() + " reminders";
        return new Row(scenario, load, broken, expected, delivered, duplicated, lost, unknown, held, violations);
    }

    /** Messages that reached the providers, per reminder. */
    private Map<String, Integer> atProvider(Map<String, Attempt> attempts) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> bySmsId = new HashMap<>();
        attempts.values().stream().filter(a -> a.channel.equals("SMS") && a.providerMessageId != null)
                .forEach(a -> bySmsId.put(a.providerMessageId, a.reminderId));
        for (SmscSimulator.Submitted sms : system.smsc.submitted()) {
            String reminderId = bySmsId.get(sms.messageId());
            if (reminderId != null) {
                counts.merge(reminderId, 1, Integer::sum);
            }
        }
        for (MimeMessage mail : system.mail.received()) {
            String id = messageId(mail);
            if (id != null && id.startsWith("<") && id.endsWith("@arrears>")) {
                counts.merge(id.substring(1, id.length() - "@arrears>".length()), 1, Integer::sum);
            }
        }
        system.ivr.calls().forEach(call -> counts.merge(call.reference(), 1, Integer::sum));
        try (Stream<Path> files = Files.walk(system.printFolder)) {
            files.filter(p -> p.toString().endsWith(".pdf") && !p.getFileName().toString().startsWith("."))
                    .forEach(p -> counts.merge(p.getFileName().toString().replaceFirst("\\.pdf$", ""), 1, Integer::sum));
        }
        return counts;
    }

    /**
     * SMS to the scenario's phones that no attempt claims: SMPP cannot be asked by our key, so a second
     * submit of one reminder shows as a message no attempt knows, beyond the attempts left UNKNOWN.
     */
    private int unmatchedSms(Map<String, Attempt> attempts) {
        Set<String> phones = burst.holders.stream().map(Burst.Holder::phoneDigits).collect(Collectors.toSet());
        Set<String> claimed = attempts.values().stream().map(a -> a.providerMessageId).filter(id -> id != null).collect(Collectors.toSet());
        long unclaimed = system.smsc.submitted().stream().filter(s -> phones.contains(s.destination()))
                .filter(s -> !claimed.contains(s.messageId())).count();
        long unknownSms = attempts.values().stream().filter(a -> a.channel.equals("SMS") && a.status.equals("UNKNOWN")).count();
        return (int) Math.max(0, unclaimed - unknownSms);
    }

    private List<String> appliedExactlyOnce() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Long> missedPerAccount = events(Topics.PAYMENT_MISSED, PaymentMissed.class).values().stream()
                .collect(Collectors.groupingBy(PaymentMissed::accountId, Collectors.counting()));
        Map<String, Long> appliedMissed = new HashMap<>();
        Map<String, Integer> cases = new HashMap<>();
        try (Connection reminder = system.database("reminder")) {
            try (PreparedStatement q = reminder.prepareStatement("""
                    select c.account_id, count(distinct c.id),
                           (select count(*) from case_timeline t join collection_case c2 on c2.id = t.case_id
                            where c2.account_id = c.account_id and t.actor = 'PaymentMissed' and t.kind in ('OPENED', 'UPDATED'))
                    from collection_case c where c.account_id like ? group by c.account_id""")) {
                q.setString(1, burst.tag + "-%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        cases.put(rs.getString(1), rs.getInt(2));
                        appliedMissed.put(rs.getString(1), rs.getLong(3));
                    }
                }
            }
        }
        missedPerAccount.forEach((account, published) -> {
            if (cases.getOrDefault(account, 0) != 1) {
                problems.add(account + ": " + cases.getOrDefault(account, 0) + " cases for its PaymentMissed");
            }
            if (!published.equals(appliedMissed.getOrDefault(account, 0L))) {
                problems.add(account + ": " + published + " PaymentMissed published, " + appliedMissed.getOrDefault(account, 0L) + " applied");
            }
        });
        Set<String> plans = events(Topics.PLAN_AGREED, PlanAgreed.class).values().stream().map(PlanAgreed::planId).collect(Collectors.toSet());
        Set<String> appliedPlans = ids("account", "select id from repayment_plan where account_id like ?");
        plans.stream().filter(p -> !appliedPlans.contains(p)).forEach(p -> problems.add(p + ": PlanAgreed never applied by account"));
        Set<String> complaints = events(Topics.COMPLAINT_OPENED, ComplaintOpened.class).values().stream()
                .filter(ComplaintOpened::holdsContact).map(ComplaintOpened::complaintId).collect(Collectors.toSet());
        Set<String> reminderHolds = ids("reminder", "select complaint_id from contact_hold where account_id like ?");
        Set<String> contactHolds = ids("contact-channel", "select complaint_id from contact_hold where account_id like ?");
        complaints.stream().filter(c -> !reminderHolds.contains(c) || !contactHolds.contains(c))
                .forEach(c -> problems.add(c + ": ComplaintOpened not applied by reminder and contact-channel"));
        return problems;
    }

    /** The reminder service asks for nothing for a case after it closed because the account was paid. */
    private List<String> noContactAfterCure(Map<String, ReminderRequested> requested) throws Exception {
        Map<String, OffsetDateTime> cured = new HashMap<>();
        try (Connection reminder = system.database("reminder");
             PreparedStatement q = reminder.prepareStatement(
                     "select account_id, closed_at from collection_case where account_id like ? and closed_reason = 'PAID'")) {
            q.setString(1, burst.tag + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    cured.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, OffsetDateTime> requestedAt = requestTimes();
        requested.forEach((id, r) -> {
            OffsetDateTime curedAt = cured.get(r.accountId());
            OffsetDateTime at = requestedAt.get(id);
            if (curedAt != null && at != null && at.isAfter(curedAt)) {
                problems.add(id + ": requested at " + at + " for " + r.accountId() + ", cured at " + curedAt);
            }
        });
        return problems;
    }

    /**
     * contact-channel sends nothing to an account once it has applied a complaint that holds contact.
     * "Applied" is when its transaction began (the inbox row's time) plus {@link #COMMIT_TOLERANCE}:
     * a decision inside that transaction's lifetime could not yet see it.
     */
    private List<String> noContactWhileHeld() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, ComplaintOpened> complaints = events(Topics.COMPLAINT_OPENED, ComplaintOpened.class);
        try (Connection contact = system.database("contact-channel");
             PreparedStatement known = contact.prepareStatement(
                     "select received_at from inbox where consumer = 'contact.complaint-opened' and event_id = ?");
             PreparedStatement sends = contact.prepareStatement(
                     // A first try's SEND is kept on its attempt, any later one as a decision row.
                     """
                     select reminder_id, decided_at from guard_decision where account_id = ? and decision = 'SEND' and decided_at > ?
                     union all
                     select reminder_id, allowed_at from contact_attempt where account_id = ? and allowed_at > ?""")) {
            for (Map.Entry<String, ComplaintOpened> complaint : complaints.entrySet()) {
                if (!complaint.getValue().holdsContact()) {
                    continue;
                }
                known.setString(1, complaint.getKey());
                OffsetDateTime appliedAt;
                try (ResultSet rs = known.executeQuery()) {
                    if (!rs.next()) {
                        problems.add(complaint.getValue().complaintId() + ": contact-channel never applied it");
                        continue;
                    }
                    appliedAt = rs.getObject(1, OffsetDateTime.class).plus(COMMIT_TOLERANCE);
                }
                sends.setString(1, complaint.getValue().accountId());
                sends.setObject(2, appliedAt);
                sends.setString(3, complaint.getValue().accountId());
                sends.setObject(4, appliedAt);
                try (ResultSet rs = sends.executeQuery()) {
                    while (rs.next()) {
                        problems.add(rs.getString(1) + ": sent at " + rs.getObject(2, OffsetDateTime.class) + " while complaint "
                                + complaint.getValue().complaintId() + " held contact (applied " + appliedAt + ")");
                    }
                }
            }
        }
        return problems;
    }

    boolean outboxesEmpty() throws SQLException {
        for (String service : ChaosSystem.SERVICES) {
            try (Connection db = system.database(service);
                 ResultSet rs = db.createStatement().executeQuery("select (select count(*) from outbox) + (select count(*) from outbox_parked)")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Consumer groups still behind once given a little time: a delivery receipt may arrive just after the
     * drain was seen, and its ReminderSent is then read and committed within a few seconds.
     */
    private List<String> caughtUp() throws Exception {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> lagging().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException stillBehind) {
            // reported below, group by group
        }
        return lagging();
    }

    /** Consumer groups with records left to read. */
    List<String> lagging() throws Exception {
        List<String> behind = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap()))) {
            for (var group : admin.listConsumerGroups().all().get()) {
                if (!group.groupId().startsWith("arrears-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                committed.forEach((p, offset) -> {
                    long lag = ends.get(p).offset() - (offset == null ? 0 : offset.offset());
                    if (lag > 0) {
                        behind.add(group.groupId() + " is " + lag + " behind on " + p);
                    }
                });
            }
        }
        return behind;
    }

    private Map<String, ReminderRequested> requested() {
        return events(Topics.REMINDER_REQUESTED, ReminderRequested.class).values().stream()
                .collect(Collectors.toMap(ReminderRequested::reminderId, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    private Map<String, OffsetDateTime> requestTimes() {
        Map<String, OffsetDateTime> times = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records(Topics.REMINDER_REQUESTED)) {
            ReminderRequested r = EventJson.bind(EventJson.parse(record.value()), ReminderRequested.class);
            String time = header(record, CloudEventHeaders.TIME);
            if (time != null) {
                times.putIfAbsent(r.reminderId(), OffsetDateTime.parse(time));
            }
        }
        return times;
    }

    /** The scenario's events on a topic, one per {@code ce_id} (a record the relay published twice counts once). */
    private <T extends io.arrears.events.Event> Map<String, T> events(String topic, Class<T> type) {
        Map<String, T> events = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records(topic)) {
            if (record.key() != null && record.key().startsWith(burst.tag + "-")) {
                events.putIfAbsent(header(record, CloudEventHeaders.ID), EventJson.bind(EventJson.parse(record.value()), type));
            }
        }
        return events;
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        return records(topic, key -> key != null && key.startsWith(burst.tag + "-"));
    }

    /** The ids among {@code ids} whose record sits in the dead-letter topic with the key it came with. */
    Set<String> deadLettered(String topic, List<String> ids) {
        Set<String> found = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records(Topics.deadLetter(topic), key -> true)) {
            String id = header(record, CloudEventHeaders.ID);
            if (ids.contains(id) && record.key() != null && record.key().startsWith("K".repeat(300))
                    && header(record, "dlq-reason") != null) {
                found.add(id);
            }
        }
        return found;
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic, java.util.function.Predicate<String> key) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.test(r.key())) {
                        all.add(r);
                    }
                });
            }
        }
        return all;
    }

    private Map<String, Attempt> attempts() throws SQLException {
        Map<String, Attempt> attempts = new HashMap<>();
        try (Connection contact = system.database("contact-channel");
             PreparedStatement q = contact.prepareStatement(
                     "select reminder_id, channel, status, provider_message_id from contact_attempt where account_id like ?")) {
            q.setString(1, burst.tag + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    attempts.put(rs.getString(1), new Attempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return attempts;
    }

    private Set<String> ids(String service, String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection db = system.database(service); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, burst.tag + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private record Attempt(String reminderId, String channel, String status, String providerMessageId) {

        /** Nothing more will happen to it without a person or the cardholder's contact window; DEFERRED waits for a hold. */
        boolean settled() {
            return !status.equals("PENDING") && !status.equals("SENDING");
        }
    }
}
