package io.arrears.contact.channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail relay on loopback whose every reply comes from a script, so a test can make it fail at one chosen
 * point of the conversation: a garbled greeting, a refused recipient, a connection dropped after the end of data.
 */
final class ScriptedRelay implements AutoCloseable {

    /** The relay's answer to a line, on the n-th connection (from 1); null drops the connection without one. */
    interface Script {
        String reply(String line, int connection);
    }

    static final Script OBLIGING = (line, connection) -> obliging(line);

    private final ServerSocket listener;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger endsOfData = new AtomicInteger();

    ScriptedRelay(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Messages whose end of data reached the relay, whatever it answered. */
    int endsOfData() {
        return endsOfData.get();
    }

    static String obliging(String line) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        return switch (verb) {
            case "" -> "220 scripted relay ready";
            case "EHLO" -> "250 scripted relay";
            case "DATA" -> "354 go ahead";
            case "QUIT" -> "221 bye";
            default -> line.equals(".") ? "250 2.0.0 queued" : "250 ok";
        };
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int n = connections.incrementAndGet();
                Thread t = new Thread(() -> converse(socket, n), "scripted-relay-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket, int connection) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = socket.getOutputStream();
            if (!answer(out, script.reply("", connection))) {
                return;
            }
            boolean inData = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (inData && !line.equals(".")) {
                    continue;
                }
                if (inData) {
                    inData = false;
                    endsOfData.incrementAndGet();
                }
                String reply = script.reply(line, connection);
                if (!answer(out, reply)) {
                    return;
                }
                inData = reply.startsWith("354");
                if (reply.startsWith("221") || reply.startsWith("421")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: the conversation is over either way
        }
    }

    private static boolean answer(OutputStream out, String reply) throws IOException {
        if (reply == null) {
            return false;
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
