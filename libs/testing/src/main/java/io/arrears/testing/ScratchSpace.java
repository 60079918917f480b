package io.arrears.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * Temporary directories and files a test JVM makes (keys, print folders, service logs, a whole system's data), removed
 * when it exits. Left behind, every run of the suite added some to the machine's temporary folder, a fault suite's
 * databases more than a hundred megabytes of it; a machine that runs the suite every day filled up.
 *
 * <p>What a process still writes to while the JVM stops (a broker's data) is removed by whoever stops that process,
 * after it has stopped, with {@link #remove(Path)}.
 */
public final class ScratchSpace {

    private static final Deque<Path> MADE = new ConcurrentLinkedDeque<>();

    private ScratchSpace() {
    }

    /** A new empty directory, removed with everything in it when the JVM exits. */
    public static Path directory(String prefix) {
        try {
            return made(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty file, removed when the JVM exits. */
    public static Path file(String prefix, String suffix) {
        try {
            return made(Files.createTempFile(prefix, suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file or a directory with everything in it, now; what cannot be removed is left. */
    public static void remove(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A file that went while the tree was walked: the rest is removed on the way out, or left.
        }
    }

    private static Path made(Path path) {
        RemovedOnExit.registered();
        MADE.push(path);
        return path;
    }

    /**
     * Registers the removal when something is first made, not when this class is first used: {@link #remove} is also
     * called from other shutdown hooks, where registering one more fails.
     */
    private static final class RemovedOnExit {
        static {
            Runtime.getRuntime().addShutdownHook(new Thread(ScratchSpace::removeAll, "arrears-scratch-space-removal"));
        }

        static void registered() {
            // loading the class registered it
        }
    }

    private static void removeAll() {
        Path path;
        while ((path = MADE.poll()) != null) {
            remove(path);
        }
    }
}
