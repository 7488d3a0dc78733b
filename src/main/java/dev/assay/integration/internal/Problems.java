package dev.assay.integration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9457 problem details written by the API's security filter, where no controller runs: a JSON object with
 * {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance}, as
 * {@code application/problem+json}. Controllers return Spring's {@code ProblemDetail}, which has the same fields.
 */
public final class Problems {

    /** Problem types are URNs, each described in {@code docs/api.md}. */
    public static final String TYPES = "urn:assay:problem:";

    private Problems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
            String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":" + json(TYPES + type) + ",\"title\":" + json(title) + ",\"status\":"
                + status + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
