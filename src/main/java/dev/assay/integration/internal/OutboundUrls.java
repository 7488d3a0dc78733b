package dev.assay.integration.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for addresses Assay sends to (webhook endpoints, Greenhouse callbacks): an absolute https URL without user
 * information; plain http only to this machine, for trying things out.
 */
public final class OutboundUrls {

    private OutboundUrls() {
    }

    /** What is wrong with the address, in words for the person who gave it; empty when it is fine. */
    public static Optional<String> problem(String url) {
        String u = url == null ? "" : url.strip();
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
                return Optional.of("Enter a full address, like https://ats.example.com/hooks/assay.");
            }
            if (uri.getUserInfo() != null) {
                return Optional.of("Leave names and passwords out of the address; events are signed instead.");
            }
            if (scheme.equals("http") && !loopback(host)) {
                return Optional.of("Use https: events carry candidates' progress. Plain http is only accepted for "
                        + "this machine (localhost).");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("Enter a full address, like https://ats.example.com/hooks/assay.");
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }
}
