package io.arrears.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL failing the ways a client finds hardest, on the transactions a test names: a proxy in front of the server
 * that passes everything through unless armed.
 * <ul>
 * <li>{@link #cutCommitsOf}: a chosen transaction's COMMIT reaches the server, the proxy waits until the server has
 * committed it and answered, and then cuts the connection instead of passing that answer on. The transaction is
 * committed; the client sees its commit fail and cannot know that it did not. (A database that crashes or fails over
 * between the two does this at random.)</li>
 * <li>{@link #stallStatementsOf}: a chosen statement reaches the server only once a moment has passed, as on a
 * database that is restarting, swamped, or waiting on a lock: its transaction holds its connection meanwhile.</li>
 * </ul>
 *
 * <p>A transaction or statement is chosen by its SQL: a statement containing the armed fragment. The proxy reads the
 * frontend protocol the JDBC driver speaks (startup, then typed messages) only as far as it must to know each
 * executed statement's SQL, named prepared statements included.
 */
public final class FaultyPostgres implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    /** ReadyForQuery: what the server sends once it has finished the commit. */
    private static final byte[] READY = {'Z', 0, 0, 0, 5};

    private final ServerSocket server;
    private final int upstreamPort;
    private final AtomicInteger toCut = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private volatile String fragment = "";
    private final AtomicInteger stalled = new AtomicInteger();
    private volatile String stallFragment = "";
    private volatile long stallUntil;

    public FaultyPostgres(int upstreamPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        Thread acceptor = new Thread(this::accept, "faulty-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next {@code times} transactions that run a statement containing {@code sqlFragment} (any case) commit unanswered. */
    public void cutCommitsOf(String sqlFragment, int times) {
        fragment = sqlFragment.toLowerCase(Locale.ROOT);
        toCut.set(times);
    }

    /**
     * For the next {@code stallFor}, every statement whose SQL contains {@code sqlFragment} (any case) is held until
     * that time has passed, then passed on; other statements, on other connections, go on meanwhile.
     */
    public void stallStatementsOf(String sqlFragment, Duration stallFor) {
        stallUntil = System.nanoTime() + stallFor.toNanos();
        stallFragment = sqlFragment.toLowerCase(Locale.ROOT);
    }

    /** Ends a stall before its time. */
    public void stopStalling() {
        stallFragment = "";
    }

    /** How many statements this proxy has held back. */
    public int stalled() {
        return stalled.get();
    }

    /** How many commits the server made whose answer this proxy withheld. */
    public int cut() {
        return cut.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                AtomicBoolean withhold = new AtomicBoolean();
                ProxySockets.pump("faulty-postgres-pump", () -> toServer(client, upstream, withhold));
                ProxySockets.pump("faulty-postgres-pump", () -> toClient(upstream, client, withhold));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("faulty-postgres: " + e);
                }
            }
        }
    }

    /** The client's messages, each passed on whole; a chosen transaction's COMMIT marks the server's answers for withholding. */
    private void toServer(Socket client, Socket upstream, AtomicBoolean withhold) {
        Map<String, String> statements = new HashMap<>();
        boolean chosen = false;
        try (DataInputStream in = new DataInputStream(client.getInputStream()); OutputStream out = upstream.getOutputStream()) {
            boolean started = false;
            while (!started) {
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(body);
                out.flush();
                int code = ByteBuffer.wrap(body).getInt();
                started = code != SSL_REQUEST && code != GSS_REQUEST && code != CANCEL_REQUEST;
            }
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                String sql = switch (type) {
                    case 'P' -> {
                        String[] nameAndSql = cStrings(body, 2);
                        statements.put(nameAndSql[0], nameAndSql[1]);
                        yield null;
                    }
                    case 'B' -> statements.get(cStrings(body, 2)[1]);
                    case 'Q' -> cStrings(body, 1)[0];
                    default -> null;
                };
                if (sql != null) {
                    String executed = sql.strip().toLowerCase(Locale.ROOT);
                    if (executed.equals("begin") || executed.equals("rollback")) {
                        chosen = false;
                    } else if (executed.equals("commit")) {
                        if (chosen && toCut.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            withhold.set(true);
                        }
                        chosen = false;
                    } else if (!fragment.isEmpty() && executed.contains(fragment)) {
                        chosen = true;
                    }
                    stallIfChosen(executed);
                }
                out.write(type);
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(body);
                if (type == 'S' || type == 'Q' || type == 'H' || type == 'X' || in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            if (!withhold.get()) {
                ProxySockets.closeQuietly(client, upstream);
            }
        }
    }

    /** The server's answers, passed on, until a marked commit: from then on held back, and once it is done both connections cut. */
    private void toClient(Socket upstream, Socket client, AtomicBoolean withhold) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[16384];
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!withhold.get()) {
                    out.write(buffer, 0, n);
                    out.flush();
                    continue;
                }
                held.write(buffer, 0, n);
                if (contains(held.toByteArray(), READY)) {
                    cut.incrementAndGet();
                    return;
                }
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            ProxySockets.closeQuietly(client, upstream);
        }
    }

    private void stallIfChosen(String executed) {
        String chosen = stallFragment;
        long left = stallUntil - System.nanoTime();
        if (chosen.isEmpty() || left <= 0 || !executed.contains(chosen)) {
            return;
        }
        stalled.incrementAndGet();
        try {
            Thread.sleep(Duration.ofNanos(left).toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String[] cStrings(byte[] body, int count) {
        String[] strings = new String[count];
        int from = 0;
        for (int i = 0; i < count; i++) {
            int end = from;
            while (body[end] != 0) {
                end++;
            }
            strings[i] = new String(body, from, end - from, StandardCharsets.UTF_8);
            from = end + 1;
        }
        return strings;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
