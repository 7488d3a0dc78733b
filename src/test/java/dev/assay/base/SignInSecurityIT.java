package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.StaffFixtures;
import dev.assay.support.WebAppTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in as seen on the wire: what a forged or hostile request gets. */
class SignInSecurityIT extends WebAppTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    /** A browser of its own: cookies kept, redirects not followed. */
    HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postLogin(HttpClient client, String email, String password, String csrf) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrfOf(HttpResponse<String> page) {
        Matcher m = CSRF_META.matcher(page.body());
        assertThat(m.find()).as("the page carries the CSRF token for the sign-in form").isTrue();
        return m.group(1);
    }

    @Test
    void aSignInPostedWithoutTheFormsTokenIsRefusedSoNoSiteCanSignAVisitorIn() throws Exception {
        IssuedPassword account = StaffFixtures.create(staff, "Forge Target", StaffRole.RECRUITER);
        HttpClient victim = browser();
        get(victim, "/login");

        HttpResponse<String> forged = postLogin(victim, account.member().email(), account.password(), null);
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).as("back to a fresh sign-in form, not into the app")
                .get().asString().endsWith("/login?stale");
        assertThat(get(victim, "/recruiter").statusCode()).as("still signed out").isEqualTo(302);

        HttpClient person = browser();
        String token = csrfOf(get(person, "/login"));
        HttpResponse<String> real = postLogin(person, account.member().email(), account.password(), token);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(get(person, "/recruiter").statusCode()).as("signed in").isEqualTo(200);
    }

    @Test
    void aPageTheAccountMayNotOpenAnswers403() throws Exception {
        IssuedPassword account = StaffFixtures.create(staff, "Nosy Reviewer", StaffRole.REVIEWER);
        HttpClient person = browser();
        postLogin(person, account.member().email(), account.password(), csrfOf(get(person, "/login")));

        HttpResponse<String> forbidden = get(person, "/admin/staff");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(get(person, "/reviews").statusCode()).isEqualTo(200);
    }
}
