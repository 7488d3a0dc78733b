package dev.assay.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An in-process stand-in for an OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions}) on 127.0.0.1:
 * it answers with the queued behaviours in turn (a reply, a slow reply, a server error, a rate limit) and keeps
 * every request body and Authorization header for assertions.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** What the next request gets. */
    public sealed interface Behaviour {
    }

    public record Reply(String content, int totalTokens) implements Behaviour {
    }

    public record Slow(long millis, String content) implements Behaviour {
    }

    public record Status(int code, String body) implements Behaviour {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Behaviour> next = new ConcurrentLinkedQueue<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    public FakeOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Behaviour b = next.poll();
            if (b == null) {
                b = new Reply("I can help with that.", 30);
            }
            int code = 200;
            String body;
            switch (b) {
                case Reply r -> body = completion(r.content(), r.totalTokens());
                case Slow s -> {
                    sleep(s.millis());
                    body = completion(s.content(), 10);
                }
                case Status s -> {
                    code = s.code();
                    body = s.body();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(code, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                // The client gave up waiting (a timeout test).
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String completion(String content, int tokens) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + json(content)
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + (tokens - tokens / 4)
                + ",\"completion_tokens\":" + tokens / 4 + ",\"total_tokens\":" + tokens + "}}";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    public FakeOpenAi then(Behaviour b) {
        next.add(b);
        return this;
    }

    /** The base URL to configure, ending in /v1. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public static final String RATE_LIMITED = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
            + "\"code\":\"rate_limit_exceeded\"}}";

    @Override
    public void close() {
        server.stop(0);
    }
}
