package dev.assay.integration;

/** A key just created: {@code secret} is shown to the admin this once and stored nowhere. */
public record IssuedApiKey(ApiKeyView key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=(hidden)]";
    }
}
