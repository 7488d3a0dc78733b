package dev.assay.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab, speaking Vaadin Flow's client protocol the way Flow's own client does: the page GET, the
 * {@code v-r=init} request (which returns the UI id, the CSRF token as {@code Vaadin-Security-Key} and the
 * first changes), the {@code ui-navigate} event, then UIDL POSTs that carry {@code csrfToken}, {@code syncId},
 * {@code clientId} and RPC invocations addressed to node ids learnt from the server's changes.
 *
 * <p>It keeps a small model of the state tree (each node's tag, attributes and properties) so that a
 * behaviour can find an element by its {@code id} attribute, like a test finds it in the DOM. Every
 * response is checked for Flow's error signals (an HTTP error, {@code appError}, {@code sessionExpired},
 * a resynchronisation request); one of those makes the call fail with {@link FlowException}.
 */
final class FlowClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the state tree says about one element. */
    static final class Node {
        String tag;
        final Map<String, String> attributes = new HashMap<>();
        final Map<String, Object> properties = new HashMap<>();
        String text;
    }

    /** One answered request: what it took, what came back. */
    record Reply(long nanos, String body, JsonNode json) {
        boolean mentions(String s) {
            return body.contains(s);
        }
    }

    static final class FlowException extends IOException {
        final String kind;

        FlowException(String kind, String message) {
            super(kind + ": " + message);
            this.kind = kind;
        }
    }

    private final HttpClient http;
    private final URI base;
    /** Cookies as a browser keeps them: the session's and, behind HAProxy, the node's (ASSAYNODE). */
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
    private String csrf;
    private int uiId;
    private int syncId;
    private int clientId;
    final Map<Integer, Node> nodes = new HashMap<>();

    FlowClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** Opens a route as a browser does: the page, Flow's init request, then the navigation event. */
    Reply open(String route) throws IOException, InterruptedException {
        nodes.clear();
        syncId = 0;
        clientId = 0;
        navigations = 0;
        long t0 = System.nanoTime();
        send(HttpRequest.newBuilder(base.resolve(route)).GET(), true);
        String location = URLEncoder.encode(route, StandardCharsets.UTF_8);
        String init = "?v-r=init&location=" + location + "&query=&v-sh=900&v-sw=1440&v-wh=900&v-ww=1440&v-bh=900"
                + "&v-bw=1440&v-curdate=" + System.currentTimeMillis() + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false"
                + "&v-tzid=UTC&v-wn=v-" + Math.random() + "&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
                + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED"
                + "&v-wla=SUPPORTED&v-ws=false";
        String body = send(HttpRequest.newBuilder(base.resolve("/" + init)).GET(), false);
        JsonNode config = JSON.readTree(body).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        csrf = uidl.path("Vaadin-Security-Key").asString();
        apply(uidl);
        Reply nav = navigate(route);
        return new Reply(System.nanoTime() - t0, nav.body(), nav.json());
    }

    /**
     * Moves this UI to another route, as a click on an in-app link does (no page load, no new UI): staff use
     * the menu and links; only candidates arrive by a fresh page load.
     */
    Reply navigate(String route) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("route", "/" + route);
        data.put("query", "");
        data.put("appShellTitle", "Assay");
        data.put("historyState", Map.of("idx", ++navigations));
        data.put("trigger", "");
        return rpc(List.of(event(1, "ui-navigate", data)));
    }

    private int navigations;

    /** Sends RPC invocations in one UIDL request, applies the changes, and checks for Flow's error signals. */
    Reply rpc(List<Map<String, Object>> invocations) throws IOException, InterruptedException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("csrfToken", csrf);
        message.put("rpc", invocations);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        long t0 = System.nanoTime();
        String body = send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))), false);
        long took = System.nanoTime() - t0;
        String json = body.startsWith("for(;;);") ? body.substring(8) : body;
        JsonNode reply = JSON.readTree(json);
        if (reply.isArray()) {
            reply = reply.path(0);
        }
        JsonNode meta = reply.path("meta");
        if (meta.has("appError")) {
            throw new FlowException("appError", meta.path("appError").toString());
        }
        if (meta.path("sessionExpired").asBoolean(false)) {
            throw new FlowException("sessionExpired", "the server ended the session");
        }
        if (meta.path("resynchronize").asBoolean(false)) {
            throw new FlowException("resync", "the server asked the client to resynchronise");
        }
        if (reply.has("syncId")) {
            syncId = reply.path("syncId").asInt();
        }
        if (reply.has("clientId")) {
            clientId = reply.path("clientId").asInt();
        } else {
            clientId++;
        }
        apply(reply);
        return new Reply(took, body, reply);
    }

    /**
     * Signs in as a browser does: the sign-in page (which carries Spring's CSRF token in a meta tag), then the
     * form post; the session cookie it answers with is used from then on. Fails unless the post redirects
     * away from the sign-in page.
     */
    Reply signIn(String email, String password) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String page = send(HttpRequest.newBuilder(base.resolve("/login")).GET(), true);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page);
        if (!m.find()) {
            throw new FlowException("signIn", "no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            post.header("Cookie", cookieHeader());
        }
        HttpResponse<String> response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(response);
        String location = response.headers().firstValue("location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new FlowException("signIn", "sign-in refused (" + response.statusCode() + " " + location + ")");
        }
        return new Reply(System.nanoTime() - t0, "", null);
    }

    /** A plain GET in this session (a download); returns the body's length in characters. */
    Reply get(String path) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String body = send(HttpRequest.newBuilder(base.resolve(path)).GET(), false);
        return new Reply(System.nanoTime() - t0, body, null);
    }

    /** Flow's heartbeat, which keeps an idle UI alive. */
    void heartbeat() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("/?v-r=heartbeat&v-uiId=" + uiId))
                .POST(HttpRequest.BodyPublishers.noBody()), false);
    }

    static Map<String, Object> event(int node, String name, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "event");
        m.put("node", node);
        m.put("event", name);
        if (data != null) {
            m.put("data", data);
        }
        return m;
    }

    static Map<String, Object> sync(int node, String property, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "mSync");
        m.put("node", node);
        m.put("feature", 1);
        m.put("property", property);
        m.put("value", value);
        return m;
    }

    /** The data a browser sends with a click (Flow asks for these keys of a button's click listener). */
    static Map<String, Object> click(int node) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("event.shiftKey", false);
        d.put("event.metaKey", false);
        d.put("event.detail", 1);
        d.put("event.ctrlKey", false);
        d.put("event.clientX", 400);
        d.put("event.clientY", 500);
        d.put("event.altKey", false);
        d.put("event.button", 0);
        d.put("event.screenY", 600);
        d.put("event.screenX", 410);
        return event(node, "click", d);
    }

    /** The element with this id; after in-app navigations, the newest one (the highest node id). */
    Optional<Integer> byId(String id) {
        return nodes.entrySet().stream().filter(e -> id.equals(e.getValue().attributes.get("id")))
                .map(Map.Entry::getKey).max(Integer::compare);
    }

    Optional<Integer> byTag(String tag) {
        return nodes.entrySet().stream().filter(e -> tag.equals(e.getValue().tag)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Elements with the given attribute, in node order (the order the server created them). */
    List<Integer> withAttribute(String attribute, String tag) {
        List<Integer> found = new ArrayList<>();
        nodes.entrySet().stream().filter(e -> e.getValue().attributes.containsKey(attribute)
                        && (tag == null || tag.equals(e.getValue().tag)))
                .map(Map.Entry::getKey).sorted().forEach(found::add);
        return found;
    }

    private void apply(JsonNode uidl) {
        for (JsonNode c : uidl.path("changes")) {
            int id = c.path("node").asInt();
            String type = c.path("type").asString();
            switch (type) {
                case "attach" -> nodes.put(id, new Node());
                case "detach" -> nodes.remove(id);
                case "put" -> {
                    Node n = nodes.computeIfAbsent(id, k -> new Node());
                    int feat = c.path("feat").asInt();
                    String key = c.path("key").asString();
                    JsonNode value = c.path("value");
                    if (feat == 0 && key.equals("tag")) {
                        n.tag = value.asString();
                    } else if (feat == 1) {
                        n.properties.put(key, value.isString() ? value.asString() : value.toString());
                    } else if (feat == 3) {
                        n.attributes.put(key, value.isString() ? value.asString() : value.toString());
                    } else if (feat == 7 && key.equals("text")) {
                        n.text = value.asString();
                    }
                }
                case "remove" -> {
                    Node n = nodes.get(id);
                    if (n != null) {
                        n.attributes.remove(c.path("key").asString());
                        n.properties.remove(c.path("key").asString());
                    }
                }
                default -> { }
            }
        }
    }

    private String send(HttpRequest.Builder request, boolean page) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        if (page) {
            request.header("Accept", "text/html");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(response);
        if (response.statusCode() != 200) {
            throw new FlowException("http" + response.statusCode(), response.uri().getPath());
        }
        return response.body();
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String h : response.headers().allValues("set-cookie")) {
            String pair = h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    private String cookieHeader() {
        StringBuilder b = new StringBuilder();
        cookies.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return b.toString();
    }

    /** The node HAProxy's cookie names (ASSAYNODE), or null when not behind it. */
    String node() {
        return cookies.get("ASSAYNODE");
    }
}
