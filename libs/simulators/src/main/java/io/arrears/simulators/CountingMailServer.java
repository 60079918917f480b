package io.arrears.simulators;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail server of a capacity run: real SMTP on loopback that takes every message and keeps only a count.
 * {@link MailSink} stores each message in a mailbox per recipient and parses it to do so, which made the mail
 * server the busiest simulator and, at a few hundred messages a second, the ceiling of a statement day. A
 * bank's relay is not on the bank's collections box, so the run should not pay for one: the sender still
 * holds a full SMTP conversation for each message, the server just does not look inside it.
 */
public final class CountingMailServer implements AutoCloseable {

    /** As {@link MailSink}: a conversation silent this long is ended with 421, as relays end idle pooled connections. */
    private static final int SILENT_CONVERSATION_MS = 10_000;
    private static final int LONGEST_LINE = 64 * 1024;

    private final ServerSocket listener;
    private final ExecutorService conversations = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-conversation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong taken = new AtomicLong();
    private volatile boolean running = true;

    private CountingMailServer(String host, int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        Thread acceptor = new Thread(this::acceptLoop, "smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static CountingMailServer start(int port) {
        return start("127.0.0.1", port);
    }

    /** On another address, e.g. 0.0.0.0 inside a container. */
    public static CountingMailServer start(String host, int port) {
        try {
            return new CountingMailServer(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for SMTP on " + host + ":" + port, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Messages whose DATA ended and were answered 250. */
    public long taken() {
        return taken.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        conversations.shutdownNow();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = listener.accept();
                conversations.execute(() -> converse(socket));
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(SILENT_CONVERSATION_MS);
            socket.setTcpNoDelay(true);
            Conversation conversation = new Conversation(new BufferedInputStream(socket.getInputStream()),
                    new BufferedOutputStream(socket.getOutputStream()));
            try {
                conversation.run();
            } catch (SocketTimeoutException silent) {
                conversation.reply("421 4.4.2 arrears-mail closing an idle conversation");
            }
        } catch (IOException ignored) {
            // the client went away; nothing was half-taken that a count could hold
        }
    }

    /** One SMTP session: HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; anything else is refused with 502. */
    private final class Conversation {

        private final InputStream in;
        private final OutputStream out;
        private final byte[] line = new byte[LONGEST_LINE];
        private boolean sender;
        private int recipients;

        Conversation(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            reply("220 arrears-mail ESMTP");
            int length;
            while ((length = readLine()) >= 0) {
                String command = new String(line, 0, Math.min(length, 4), StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply("250-arrears-mail\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply("250 arrears-mail");
                    case "MAIL" -> {
                        sender = true;
                        recipients = 0;
                        reply("250 2.1.0 Ok");
                    }
                    case "RCPT" -> {
                        if (!sender) {
                            reply("503 5.5.1 MAIL first");
                        } else {
                            recipients++;
                            reply("250 2.1.5 Ok");
                        }
                    }
                    case "DATA" -> data();
                    case "RSET" -> {
                        sender = false;
                        recipients = 0;
                        reply("250 2.0.0 Ok");
                    }
                    case "NOOP" -> reply("250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply("221 2.0.0 Bye");
                        return;
                    }
                    default -> reply("502 5.5.2 Command not recognised");
                }
            }
        }

        private void data() throws IOException {
            if (recipients == 0) {
                reply("503 5.5.1 RCPT first");
                return;
            }
            reply("354 End data with <CR><LF>.<CR><LF>");
            int length;
            while ((length = readLine()) >= 0) {
                if (length == 1 && line[0] == '.') {
                    sender = false;
                    recipients = 0;
                    reply("250 2.0.0 Ok: queued as " + taken.incrementAndGet());
                    return;
                }
            }
            // The connection ended inside DATA: the message was not taken, and the client saw no 250.
        }

        /** The next line without its CR LF, into {@link #line}; its length, or -1 at the end of the stream. */
        private int readLine() throws IOException {
            int length = 0;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                }
                if (length < line.length) {
                    line[length++] = (byte) b;
                }
            }
            return length > 0 ? length : -1;
        }

        void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
