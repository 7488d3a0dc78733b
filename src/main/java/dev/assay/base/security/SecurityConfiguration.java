package dev.assay.base.security;

import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.assay.base.AccountSessions;
import dev.assay.base.ui.LoginView;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Web security for the whole portal. Views are denied unless annotated; application services state
 * their callers with {@code @PreAuthorize} (method security is enabled here).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Vaadin's client needs inline bootstrap scripts and {@code eval} for server-pushed JavaScript, and
     * inline styles for its components; everything else is locked to this origin.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Public endpoints outside Vaadin. {@code /candidate-drafts} takes a candidate's unsaved text as their
     * page closes; its credential is the candidate's token in the body, not a session.
     */
    static final String CANDIDATE_DRAFTS = "/candidate-drafts";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            AccessAnnotationChecker viewAccess, AccountSessions accountSessions) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"))
                // Write before Vaadin renders a page, so Vaadin keeps these instead of adding its own.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        // The shared stylesheet and icons are needed by the sign-in and error pages too; the error
        // page itself must be reachable without signing in.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/icons/**", "/charts/**", "/scripts/**", "/error").permitAll()
                .requestMatchers(HttpMethod.POST, CANDIDATE_DRAFTS).permitAll());
        // Vaadin's own CSRF setup also exempts the sign-in form, which would allow login CSRF (a site signing
        // a visitor in to an account of the attacker's). Here only Vaadin's internal requests (which carry
        // Vaadin's own token) and the candidates' token-authenticated endpoint are exempt; the sign-in form
        // sends Spring's token from the page's meta tags (CsrfMetaTags).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CANDIDATE_DRAFTS)));
        // A sign-in post without a valid token (forged elsewhere, or from a sign-in page left open until its
        // session ended) signs nobody in; the person is sent back to a fresh sign-in form that says why.
        // (The second mapping keeps the usual refusal for everything else: with a single mapping, Spring
        // Security would use it for every request.)
        http.exceptionHandling(exceptions -> exceptions
                .defaultAccessDeniedHandlerFor(
                        (request, response, denied) -> response.sendRedirect(request.getContextPath() + "/login?stale"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"))
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
        http.addFilterAfter(new EndedSessions(accountSessions, vaadinRequests), SecurityContextHolderFilter.class);
        http.addFilterAfter(new ForbiddenViewStatus(viewAccess), AuthorizationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                .enableCsrfConfiguration(false));
        return http.build();
    }
}
