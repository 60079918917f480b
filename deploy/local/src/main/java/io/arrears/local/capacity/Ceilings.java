package io.arrears.local.capacity;

import io.arrears.simulators.CountingMailServer;
import io.arrears.simulators.SmscSimulator;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this machine's parts can do on their own, measured on the same broker, database and provider code
 * the run used: the ceilings the pipeline's figures are divided by. Each is measured for a few seconds
 * with the settings the services use (acks=all and idempotence on Kafka, a durable commit per transaction
 * on PostgreSQL), so the ratio says how much of the machine the pipeline turns into reminders.
 */
final class Ceilings {

    private static final Duration EACH = Duration.ofSeconds(8);

    record Figures(double kafkaProducePerSecond, double kafkaConsumePerSecond, int recordBytes, double pgCommitsPerSecond,
                   double pgBatchedRowsPerSecond, double smppSubmitsPerSecond, double smtpMessagesPerSecond) {
    }

    private Ceilings() {
    }

    static Figures measure(String bootstrap, String jdbcUrl, String user, String password, int recordBytes) throws Exception {
        double[] kafka = kafka(bootstrap, recordBytes);
        double commits = pgCommits(jdbcUrl, user, password);
        double rows = pgBatchedRows(jdbcUrl, user, password);
        double smpp = smpp();
        double smtp = smtp();
        return new Figures(kafka[0], kafka[1], recordBytes, commits, rows, smpp, smtp);
    }

    /** Produce as the outbox relay does (acks=all, idempotent), then consume it all back; records per second each way. */
    private static double[] kafka(String bootstrap, int recordBytes) throws Exception {
        String topic = "capacity.ceiling." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            try {
                byte[] value = new byte[recordBytes];
                Arrays.fill(value, (byte) 'x');
                double produceRate;
                long produced = 0;
                long started;
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
                    // One record to each partition first, each acknowledged, so that the clock starts once the new
                    // topic's leaders are known and the producer has its id: a run measured 1,150/s when the
                    // first sends waited for the topic's metadata inside the timed window.
                    for (int partition = 0; partition < 3; partition++, produced++) {
                        producer.send(new ProducerRecord<>(topic, partition, "ACC-" + produced, value)).get();
                    }
                    started = System.nanoTime();
                    long untimed = produced;
                    while (System.nanoTime() - started < EACH.toNanos()) {
                        for (int i = 0; i < 1000; i++, produced++) {
                            producer.send(new ProducerRecord<>(topic, "ACC-" + produced % 100_000, value));
                        }
                    }
                    producer.flush();
                    produceRate = (produced - untimed) / seconds(started);
                }
                long consumed = 0;
                started = System.nanoTime();
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
                    consumer.subscribe(List.of(topic));
                    while (consumed < produced && System.nanoTime() - started < EACH.toNanos() * 4) {
                        consumed += consumer.poll(Duration.ofMillis(200)).count();
                    }
                }
                return new double[] {produceRate, consumed / seconds(started)};
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /** Single-row transactions from four connections, each committed durably: what a per-record transaction can reach. */
    private static double pgCommits(String url, String user, String password) throws Exception {
        try (Connection setup = DriverManager.getConnection(url, user, password); Statement st = setup.createStatement()) {
            st.execute("create table if not exists capacity_ceiling (id bigserial primary key, account_id text, body text)");
        }
        try {
            AtomicLong commits = new AtomicLong();
            long started = System.nanoTime();
            parallel(4, () -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = c.prepareStatement("insert into capacity_ceiling (account_id, body) values (?, ?)")) {
                    while (System.nanoTime() - started < EACH.toNanos()) {
                        insert.setString(1, "ACC-" + commits.get());
                        insert.setString(2, "x".repeat(200));
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            });
            return commits.get() / seconds(started);
        } finally {
            drop(url, user, password);
        }
    }

    /** Rows of 200 bytes inserted 1,000 to a statement and a commit, from one connection: what batching can reach. */
    private static double pgBatchedRows(String url, String user, String password) throws Exception {
        String batched = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(batched, user, password)) {
            try (Statement st = c.createStatement()) {
                st.execute("create table if not exists capacity_ceiling (id bigserial primary key, account_id text, body text)");
            }
            c.setAutoCommit(false);
            long rows = 0;
            long started = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("insert into capacity_ceiling (account_id, body) values (?, ?)")) {
                while (System.nanoTime() - started < EACH.toNanos()) {
                    for (int i = 0; i < 1000; i++, rows++) {
                        insert.setString(1, "ACC-" + rows);
                        insert.setString(2, "x".repeat(200));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            return rows / seconds(started);
        } finally {
            drop(url, user, password);
        }
    }

    private static void drop(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("drop table if exists capacity_ceiling");
        }
    }

    /** The SMS centre simulator the sinks run, on a port of its own: submits per second over four binds. */
    private static double smpp() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(freePort()).keepHistory(false)) {
            AtomicLong submits = new AtomicLong();
            long started = System.nanoTime();
            parallel(4, () -> {
                SMPPSession session = new SMPPSession();
                session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TX, "ceiling", "ceiling", "arrears",
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
                try {
                    byte[] text = "Your card payment is overdue; please pay the minimum due today.".getBytes(StandardCharsets.US_ASCII);
                    while (System.nanoTime() - started < EACH.toNanos()) {
                        session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "BANK",
                                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "+8613800000000", new ESMClass(), (byte) 0, (byte) 1,
                                null, null, new RegisteredDelivery(0), (byte) 0, new GeneralDataCoding(), (byte) 0, text);
                        submits.incrementAndGet();
                    }
                } finally {
                    session.unbindAndClose();
                }
                return null;
            });
            return submits.get() / seconds(started);
        }
    }

    /** The mail server a capacity run's sinks run, on a port of its own: messages per second over four kept-open SMTP connections. */
    private static double smtp() throws Exception {
        try (CountingMailServer mail = CountingMailServer.start(freePort())) {
            AtomicLong sent = new AtomicLong();
            long started = System.nanoTime();
            parallel(4, () -> {
                Properties props = new Properties();
                props.put("mail.smtp.host", "127.0.0.1");
                props.put("mail.smtp.port", Integer.toString(mail.port()));
                Session session = Session.getInstance(props);
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    while (System.nanoTime() - started < EACH.toNanos()) {
                        MimeMessage m = new MimeMessage(session);
                        m.setFrom(new InternetAddress("reminders@bank.example"));
                        m.setRecipient(Message.RecipientType.TO, new InternetAddress("holder" + sent.get() + "@example.cn"));
                        m.setSubject("Your card payment is overdue");
                        m.setText("Dear cardholder, the minimum due on your card has not been paid. ".repeat(10), "UTF-8");
                        transport.sendMessage(m, m.getAllRecipients());
                        sent.incrementAndGet();
                    }
                }
                return null;
            });
            return sent.get() / seconds(started);
        }
    }

    private static void parallel(int threads, Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(work));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long startedNanos) {
        return Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }
}
