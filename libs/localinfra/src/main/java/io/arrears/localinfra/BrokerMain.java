package io.arrears.localinfra;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits cleanly when the JVM that
 * started it goes away, so a killed test run or launcher never leaves a broker behind.
 * Arguments: parent pid, path of server.properties.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("parent process " + parentPid + " is gone; stopping the broker");
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Method main = Class.forName("kafka.Kafka").getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {args[1]});
    }
}
