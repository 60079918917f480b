package io.arrears.localinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1,
 * run as a child JVM from the {@code kafka_2.13} jars. The broker is known by its pid and its
 * command line only, so any class loader in the JVM (Quarkus tests use several) can stop or restart it.
 */
public final class KafkaBroker {

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final BrokerSecurity security;
    private volatile long pid = -1;

    public KafkaBroker(Path home, int port, int controllerPort, String heap) {
        this(home, port, controllerPort, heap, null);
    }

    /** With {@code security}, clients must come over TLS with a SCRAM login, and only ACLs grant anything. */
    public KafkaBroker(Path home, int port, int controllerPort, String heap, BrokerSecurity security) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.security = security;
    }

    /** Client settings for {@code user} on a secured broker (none on a plaintext one). */
    public Map<String, Object> clientSettings(String user) {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (security != null) {
            settings.putAll(security.clientSettings(home, user));
        }
        return settings;
    }

    /** Re-attaches to a broker this JVM already started (possibly from another class loader). */
    public static KafkaBroker attach(Path home, int port, int controllerPort, String heap, long pid) {
        return attach(home, port, controllerPort, heap, pid, null);
    }

    public static KafkaBroker attach(Path home, int port, int controllerPort, String heap, long pid, BrokerSecurity security) {
        KafkaBroker broker = new KafkaBroker(home, port, controllerPort, heap, security);
        broker.pid = pid;
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path home() {
        return home;
    }

    public long pid() {
        return pid;
    }

    public String heap() {
        return heap;
    }

    public boolean isRunning() {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public synchronized void start(Duration timeout) {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(home.resolve("data"));
            if (security != null) {
                security.createStores(home);
            }
            Path config = writeServerProperties();
            format(config);
            ProcessBuilder builder = new ProcessBuilder(javaCommand(List.of(heap),
                    BrokerMain.class.getName(), Long.toString(ProcessHandle.current().pid()), config.toString()));
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()));
            pid = builder.start().pid();
            awaitReady(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + home, e);
        }
    }

    /** Kills the broker as a crash would (SIGKILL: no clean shutdown, nothing flushed) and waits until its port is free. */
    public synchronized void kill(Duration timeout) {
        end(true, timeout);
    }

    /** Stops the broker cleanly (SIGTERM lets it close its logs) and waits for the process to end. */
    public synchronized void stop(Duration timeout) {
        end(false, timeout);
    }

    private void end(boolean crash, Duration timeout) {
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        process.ifPresent(handle -> {
            if (crash) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
            try {
                handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (crash) {
                    throw new IllegalStateException("the broker " + pid + " outlived SIGKILL", e);
                }
                handle.destroyForcibly();
            }
        });
        Instant deadline = Instant.now().plus(timeout);
        while (FreePort.isListening(port) && Instant.now().isBefore(deadline)) {
            pause();
        }
        pid = -1;
    }

    private Path writeServerProperties() throws IOException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", home.resolve("data").toString());
        settings.put("num.partitions", "3");
        settings.put("auto.create.topics.enable", "true");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.retention.hours", "168");
        if (security != null) {
            settings.putAll(security.serverSettings(home, port, controllerPort));
        }
        StringBuilder text = new StringBuilder("# written by arrears-localinfra\n");
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path config = home.resolve("server.properties");
        Files.writeString(config, text);
        return config;
    }

    private void format(Path config) throws IOException {
        if (Files.exists(home.resolve("data").resolve("meta.properties"))) {
            return;
        }
        // Kafka's own generator never starts an id with '-'; the '=' form keeps the tool's argument
        // parser from reading any id as an option all the same.
        String clusterId = Uuid.randomUuid().toString();
        List<String> arguments = new ArrayList<>(List.of("format", "--cluster-id=" + clusterId, "--config=" + config, "--ignore-formatted"));
        if (security != null) {
            arguments.addAll(security.scramArguments());
        }
        Process format = new ProcessBuilder(javaCommand(List.of("-Xmx256m"), "kafka.tools.StorageTool",
                arguments.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("format.log").toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log directory failed:\n" + tail(home.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka log directory", e);
        }
    }

    private List<String> javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        String classpath = ClasspathResources.locationOf(BrokerMain.class) + java.io.File.pathSeparator
                + ClasspathResources.read("io/arrears/localinfra/broker.classpath");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = clientSettings(BrokerSecurity.ADMIN);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!isRunning()) {
                throw new IllegalStateException("the Kafka broker exited during start-up:\n" + tail(home.resolve("broker.log")));
            }
            if (FreePort.isListening(port)) {
                try (Admin admin = Admin.create(config)) {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = new IllegalStateException(e);
                }
            }
            pause();
        }
        throw new IllegalStateException("the Kafka broker did not become ready within " + timeout + ":\n"
                + tail(home.resolve("broker.log")), last);
    }

    /** The end of a log, so that a failure on a machine nobody can log into still explains itself. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return log + " ends with:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return log + " cannot be read: " + e.getMessage();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
