package io.arrears.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts. They are drawn below the kernel's ephemeral range on purpose:
 * a client that keeps reconnecting to a port nobody listens on yet (an SMPP client before its SMS centre
 * is up) can be handed that very port as its own local port by the kernel and connect to itself, after
 * which the server can never bind it. A port outside the ephemeral range is never handed out that way.
 */
public final class FreePort {

    private static final int LOWEST = 10_000;

    private FreePort() {
    }

    public static int pick() {
        int below = ephemeralRangeStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST, below);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
                if (start > LOWEST + 1_000) {
                    return start;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the range Linux uses by default
        }
        return 32_768;
    }
}
