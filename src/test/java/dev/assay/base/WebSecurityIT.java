package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.support.WebAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security headers and unauthenticated access, checked on the wire. */
class WebSecurityIT extends WebAppTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignInPageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void protectedViewsRedirectAnonymousVisitorsToSignIn() throws Exception {
        for (String path : new String[] {"/admin", "/admin/staff", "/recruiter", "/reviews", "/account"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).get().asString().endsWith("/login");
        }
    }

    @Test
    void theStylesheetIsPublicSoSignInAndErrorPagesAreStyled() throws Exception {
        HttpResponse<String> response = get("/styles/assay.css");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(".login-view");
    }

    @Test
    void springsErrorEndpointShowsAPlainPageWithoutInternals() throws Exception {
        HttpResponse<String> response = get("/error");
        assertThat(response.body()).contains("Reference:").doesNotContain("Whitelabel")
                .doesNotContain("Exception").doesNotContain("trace");
    }
}
