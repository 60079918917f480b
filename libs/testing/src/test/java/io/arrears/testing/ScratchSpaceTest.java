package io.arrears.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchSpaceTest {

    @Test
    void whatAJvmMadeIsGoneOnceItHasExited() throws Exception {
        List<Path> made = output(run(MakesScratchAndExits.class));

        assertThat(made).as("a directory with a file in it, and a file").hasSize(2);
        assertThat(made).noneMatch(Files::exists);
    }

    private static Process run(Class<?> main) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exited").isTrue();
        return child;
    }

    private static List<Path> output(Process child) throws IOException {
        return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().map(Path::of).toList();
    }

    @Test
    void aTreeIsRemovedByAnotherShutdownHookWhenNothingElseWasMade() throws Exception {
        // As the shared broker's folder is: made by hand, removed by the hook that stops the broker, once it has stopped.
        List<Path> made = output(run(RemovesInItsOwnHook.class));

        assertThat(made).as("the folder the hook was to remove").hasSize(1);
        assertThat(made.get(0)).doesNotExist();
    }

    @Test
    void aTreeIsRemovedAtOnceWhenAsked() throws IOException {
        Path tree = Files.createTempDirectory("arrears-scratch-test-");
        Files.writeString(Files.createDirectories(tree.resolve("kafka/log-0")).resolve("segment"), "records");
        Files.writeString(tree.resolve("keys.pem"), "key");

        ScratchSpace.remove(tree);

        assertThat(tree).doesNotExist();
    }

    /** Run in a JVM of its own: makes a folder by hand, prints where, and removes it in a shutdown hook of its own. */
    public static final class RemovesInItsOwnHook {
        public static void main(String[] args) throws IOException {
            Path folder = Files.createTempDirectory("arrears-scratch-test-");
            Files.writeString(Files.createDirectories(folder.resolve("kafka")).resolve("meta.properties"), "node.id=1");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ScratchSpace.remove(folder)));
            System.out.println(folder);
        }
    }

    /** Run in a JVM of its own: makes scratch space, prints where, and exits. */
    public static final class MakesScratchAndExits {
        public static void main(String[] args) throws IOException {
            Path directory = ScratchSpace.directory("arrears-scratch-test-");
            Files.writeString(Files.createDirectories(directory.resolve("data")).resolve("page"), "rows");
            Path file = ScratchSpace.file("arrears-scratch-test-", ".log");
            Files.writeString(file, "a service's output");
            if (Files.exists(directory.resolve("data/page")) && Files.exists(file)) {
                System.out.println(directory);
                System.out.println(file);
            }
        }
    }
}
