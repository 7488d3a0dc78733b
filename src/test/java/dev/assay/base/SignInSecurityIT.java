package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.audit.AuditFilter;
import dev.assay.audit.AuditLog;
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

    @Autowired
    AuditLog audit;

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

    HttpClient signedIn(IssuedPassword account) throws Exception {
        HttpClient client = browser();
        HttpResponse<String> response = postLogin(client, account.member().email(), account.password(),
                csrfOf(get(client, "/login")));
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return client;
    }

    long audited(String action, String email) {
        return SystemAuthentication.callAs("ADMIN", () -> audit.count(new AuditFilter(null, action, "staff " + email,
                null, null)));
    }

    @Test
    void sixteenSimultaneousWrongPasswordsCheckFivePausesTheRestAndNeverFail() throws Exception {
        IssuedPassword account = StaffFixtures.create(staff, "Burst Target", StaffRole.RECRUITER);
        HttpClient attacker = browser();
        String token = csrfOf(get(attacker, "/login"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String guess = "wrong guess " + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return postLogin(attacker, account.member().email(), guess, token);
                }));
            }
            start.countDown();
            for (var result : results) {
                HttpResponse<String> r = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).as("every refused sign-in is a redirect, never an error").isEqualTo(302);
                assertThat(r.headers().firstValue("Location")).get().asString().endsWith("/login?error");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(audited("sign_in.failed", account.member().email())).as("passwords checked").isEqualTo(5);
        assertThat(audited("sign_in.paused", account.member().email())).as("refused unchecked").isEqualTo(11);
        // The right password now waits for the pause like any other.
        HttpClient owner = browser();
        HttpResponse<String> right = postLogin(owner, account.member().email(), account.password(),
                csrfOf(get(owner, "/login")));
        assertThat(right.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(get(owner, "/recruiter").statusCode()).isEqualTo(302);
    }

    @Test
    void disablingChangingRolesOrResettingThePasswordEndsOpenSessions() throws Exception {
        IssuedPassword account = StaffFixtures.create(staff, "Session Holder", StaffRole.RECRUITER, StaffRole.REVIEWER);
        long id = account.member().id();

        HttpClient first = signedIn(account);
        assertThat(get(first, "/recruiter").statusCode()).isEqualTo(200);
        SystemAuthentication.callAs("ADMIN", () -> staff.update(id, "Session Holder", java.util.Set.of(StaffRole.REVIEWER)));
        HttpResponse<String> afterRoles = get(first, "/reviews");
        assertThat(afterRoles.statusCode()).isEqualTo(302);
        assertThat(afterRoles.headers().firstValue("Location")).get().asString().endsWith("/login?ended");

        HttpClient second = signedIn(account);
        assertThat(get(second, "/reviews").statusCode()).isEqualTo(200);
        SystemAuthentication.callAs("ADMIN", () -> staff.disable(id));
        assertThat(get(second, "/reviews").headers().firstValue("Location")).get().asString().endsWith("/login?ended");
        SystemAuthentication.callAs("ADMIN", () -> staff.enable(id));

        HttpClient third = signedIn(account);
        assertThat(get(third, "/reviews").statusCode()).isEqualTo(200);
        SystemAuthentication.callAs("ADMIN", () -> staff.resetPassword(id));
        assertThat(get(third, "/reviews").headers().firstValue("Location")).get().asString().endsWith("/login?ended");
        assertThat(audited("staff.password_reset", account.member().email())).isEqualTo(1);
        assertThat(audited("staff.disabled", account.member().email())).isEqualTo(1);
        assertThat(audited("staff.updated", account.member().email())).isEqualTo(1);
    }

    @Test
    void changingOnesOwnPasswordEndsTheSessionsOpenElsewhere() throws Exception {
        IssuedPassword account = StaffFixtures.create(staff, "Own Changer", StaffRole.REVIEWER);
        HttpClient laptop = signedIn(account);
        assertThat(get(laptop, "/reviews").statusCode()).isEqualTo(200);

        // The person changes their password from another device.
        StaffFixtures.as(account.member(), () -> {
            staff.changeOwnPassword(account.password(), account.password() + "-new");
            return null;
        });

        assertThat(get(laptop, "/reviews").headers().firstValue("Location")).get().asString().endsWith("/login?ended");
        HttpClient again = browser();
        assertThat(postLogin(again, account.member().email(), account.password(), csrfOf(get(again, "/login")))
                .headers().firstValue("Location")).get().asString().contains("error");
        assertThat(get(signedIn(new IssuedPassword(account.member(), account.password() + "-new")), "/reviews")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void behindATlsProxyRedirectsStayOnHttpsTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpClient client = browser();
        HttpRequest.Builder viaProxy = HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "assay.example.org").header("X-Forwarded-Port", "443");
        HttpResponse<String> login = client.send(viaProxy.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID"))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));

        HttpResponse<String> redirect = browser().send(HttpRequest.newBuilder(uri("/recruiter"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "assay.example.org")
                .header("X-Forwarded-Port", "443").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).get().asString()
                .startsWith("https://assay.example.org/");

        // Without a proxy saying so, plain HTTP stays plain (no HSTS on http).
        assertThat(get(browser(), "/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
