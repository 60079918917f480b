package io.arrears.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its packaged jar ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM,
 * as an operator would start it: the prod profile, configuration by system properties, output to a file.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final Path log;

    private PackagedService(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static PackagedService start(Path moduleDirectory, Map<String, String> properties) {
        Path jar = moduleDirectory.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist; package the module before its integration tests run");
        }
        try {
            Path log = ScratchSpace.file("arrears-" + moduleDirectory.getFileName() + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            // A test system lives for minutes on two shared cores: the optimising compiler would spend more CPU
            // than its code saves (the demo runs the same way), and the serial collector is what a pod picks.
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(jar.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PackagedService(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the JVM to end by itself and returns its exit code; fails if it is still running after {@code bound}. */
    public int awaitExit(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service was still running after " + bound + "; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the service as a crash would ({@code kill -9}): no shutdown hook, no clean close of anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the service outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service as an orchestrator would (SIGTERM), so that it shuts down cleanly, and waits for it. */
    public void stop(Duration bound) {
        process.destroy();
        awaitExit(bound);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
