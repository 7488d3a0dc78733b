package dev.assay.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's mail server: a minimal SMTP receiver on 127.0.0.1 that counts every message it accepts by its
 * Message-ID (the outbox gives each message one made from its outbox id, the same on every attempt). A message
 * counts once its DATA is complete and answered with 250, as a real server's acceptance would. An optional delay
 * per message makes sending slow enough that a node can be killed in the middle of a batch.
 */
final class SmtpSink implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

    private final ServerSocket server;
    private final long delayMillis;
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();

    SmtpSink(long delayMillis) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.delayMillis = delayMillis;
        Thread.ofPlatform().daemon().name("smtp-sink").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.submit(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 drill-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-drill-sink\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            message.append(data).append('\n');
                        }
                        if (data == null) {
                            return; // the sender went away mid-message: not delivered
                        }
                        if (delayMillis > 0) {
                            Thread.sleep(delayMillis);
                        }
                        Matcher m = MESSAGE_ID.matcher(message);
                        String id = m.find() ? m.group(1) : "no-id-" + total.get();
                        received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        total.incrementAndGet();
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client closed the connection
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
