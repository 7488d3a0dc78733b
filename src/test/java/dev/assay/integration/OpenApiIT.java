package dev.assay.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.WebAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's published description (docs/openapi.json, the file integrators read) must be exactly what the running
 * code serves at /api/v1/openapi.json, and must name every endpoint the API's controllers map, with its method. When
 * the code changes, this fails until the published file is regenerated (the failure says how).
 */
class OpenApiIT extends WebAppTest {

    static final Path PUBLISHED = Path.of("docs", "openapi.json");
    static final Path GENERATED = Path.of("target", "openapi.json");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePublishedDescriptionIsWhatTheCodeServes() throws Exception {
        HttpResponse<String> served = get("/api/v1/openapi.json");
        assertThat(served.statusCode()).as("public, without a key").isEqualTo(200);
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, served.body(), StandardCharsets.UTF_8);
        JsonNode code = JSON.readTree(served.body());
        assertThat(code.path("openapi").asString()).startsWith("3.1");
        // Every reference resolves (a dangling $ref breaks generated clients).
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"")
                .matcher(served.body());
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(code.path("components").path("schemas").has(refs.group(1)))
                    .as("schema " + refs.group(1) + " is defined").isTrue();
        }
        assertThat(count).isGreaterThan(10);
        assertThat(Files.exists(PUBLISHED)).as("docs/openapi.json exists").isTrue();
        JsonNode published = JSON.readTree(Files.readString(PUBLISHED, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        differences(published, code, "", differences);
        assertThat(differences).as("docs/openapi.json differs from what the code serves. If the change to the API is "
                + "intended, copy " + GENERATED + " (written by this test) to " + PUBLISHED + " and review the diff")
                .isEmpty();
    }

    /** Where two descriptions differ, as JSON pointers with both values (at most 20). */
    private static void differences(JsonNode published, JsonNode code, String at, List<String> out) {
        if (out.size() >= 20) {
            return;
        }
        if (published.isObject() && code.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(published.propertyNames());
            names.addAll(code.propertyNames());
            for (String name : names) {
                differences(published.path(name), code.path(name), at + "/" + name.replace("~", "~0")
                        .replace("/", "~1"), out);
            }
        } else if (!published.equals(code)) {
            out.add(at + ": published " + shorten(published) + ", code " + shorten(code));
        }
    }

    private static String shorten(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    @Test
    void everyEndpointOfTheApiIsDescribedWithItsMethodAndErrors() throws Exception {
        JsonNode paths = JSON.readTree(get("/api/v1/openapi.json").body()).path("paths");
        List<String> mapped = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals("dev.assay.integration.api")) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name().toLowerCase(Locale.ROOT)
                            + " " + pattern));
                }
            }
        });
        assertThat(mapped).hasSizeGreaterThanOrEqualTo(8);
        for (String endpoint : mapped) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isMissingNode()).as(endpoint + " is in the description").isFalse();
            assertThat(operation.path("summary").asString()).as(endpoint + " has a summary").isNotBlank();
            assertThat(operation.path("responses").has("401")).as(endpoint + " says a key is needed").isTrue();
            assertThat(operation.path("responses").has("429")).as(endpoint + " mentions the rate limit").isTrue();
        }
        // And nothing is described that the code does not map.
        List<String> described = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(m -> described.add(m.getKey() + " " + p.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void theReferencePageIsServedFromThisInstallation() throws Exception {
        HttpResponse<String> docs = get("/api/docs");
        assertThat(docs.statusCode()).isBetween(300, 399);
        String location = docs.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(URI.create(location).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> config = get("/api/v1/openapi.json/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/v1/openapi.json");
    }
}
