package io.arrears.chaos;

import io.arrears.testing.ProxySockets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A mail relay that fails the worst way: between contact-channel and the mail server, it passes
 * everything through, but while armed it lets the server take a message (the end of DATA reaches it
 * and it answers 250) and then drops the connection instead of passing that answer on. The message is
 * delivered; the sender cannot know it.
 */
final class SmtpDropProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicBoolean armed = new AtomicBoolean();

    SmtpDropProxy(int port, int upstreamPort) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        Thread acceptor = new Thread(this::accept, "smtp-drop-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void arm(boolean on) {
        armed.set(on);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                AtomicBoolean dropNextReply = new AtomicBoolean();
                ProxySockets.pump("smtp-drop-proxy-pump", () -> toServer(client, upstream, dropNextReply));
                ProxySockets.pump("smtp-drop-proxy-pump", () -> toClient(upstream, client, dropNextReply));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("smtp proxy: " + e);
                }
            }
        }
    }

    /** Commands and data, passed on; the end of DATA, while armed, marks the server's next answer for dropping. */
    private void toServer(Socket client, Socket upstream, AtomicBoolean dropNextReply) {
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            byte[] window = new byte[END_OF_DATA.length];
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                System.arraycopy(window, 1, window, 0, window.length - 1);
                window[window.length - 1] = (byte) b;
                if (in.available() == 0) {
                    out.flush();
                }
                if (armed.get() && java.util.Arrays.equals(window, END_OF_DATA)) {
                    out.flush();
                    dropNextReply.set(true);
                }
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            ProxySockets.closeQuietly(client, upstream);
        }
    }

    /** Answers, line by line, passed on, except the one after a marked end of DATA: then both connections drop. */
    private void toClient(Socket upstream, Socket client, AtomicBoolean dropNextReply) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                line.append((char) b);
                if (b == '\n') {
                    if (dropNextReply.get()) {
                        ProxySockets.closeQuietly(client, upstream);
                        return;
                    }
                    out.write(line.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.flush();
                    line.setLength(0);
                }
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            ProxySockets.closeQuietly(client, upstream);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
