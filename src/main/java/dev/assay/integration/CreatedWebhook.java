package dev.assay.integration;

/** An endpoint just registered: {@code secret} (whsec_…) is shown to the admin this once. */
public record CreatedWebhook(WebhookView webhook, String secret) {

    @Override
    public String toString() {
        return "CreatedWebhook[webhook=" + webhook + ", secret=(hidden)]";
    }
}
