package io.arrears.testing;

import java.io.IOException;
import java.net.Socket;

/** What the tests' fault proxies share: a daemon thread per direction of a connection, and closing both ends. */
public final class ProxySockets {

    private ProxySockets() {
    }

    /** Runs one direction of a proxied connection on a daemon thread of its own. */
    public static void pump(String name, Runnable pump) {
        Thread t = new Thread(pump, name);
        t.setDaemon(true);
        t.start();
    }

    public static void closeQuietly(Socket... sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
