package dev.assay.integration.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's own security, apart from the portal's sessions: every request under {@code /api} must carry
 * {@code Authorization: Bearer <key>}; a valid, unrevoked key signs the request in as "api key NAME" with the key's
 * scopes as authorities, for this request only (no session, no cookie, no CSRF token: nothing a browser could be
 * tricked into sending). A missing or wrong key is 401, a missing scope 403, too many requests 429 with
 * {@code Retry-After}, each as problem details. Staff sessions are not accepted here.
 */
@Configuration
class ApiSecurity {

    /** Where the API's OpenAPI 3.1 description is served ({@code springdoc.api-docs.path}). */
    static final String OPENAPI = "/api/v1/openapi.json";

    /** Greenhouse's assessment-partner endpoints, which send the key with HTTP Basic (the key as user name). */
    static final String GREENHOUSE = GreenhouseOrders.PATH;

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys keys, RateLimiter limiter, ReportLinks links)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(r -> r
                        // The API's description and its reference page are public, like any published API's.
                        .requestMatchers(HttpMethod.GET, OPENAPI, OPENAPI + "/**", "/api/docs", "/api/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/v1/**", GREENHOUSE + "**").authenticated().anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.requireExplicitSave(true))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failed) -> Problems.write(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "API key required",
                                "Send an API key as 'Authorization: Bearer <key>'. An admin creates keys under "
                                        + "Administration, API keys."))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "Scope missing",
                                "This key's scopes do not allow this request.")))
                .addFilterBefore(new KeyFilter(keys, limiter, links), AuthorizationFilter.class);
        return http.build();
    }

    /** Signs the request in as its key, refuses a wrong or revoked key, and applies the key's rate limit. */
    static final class KeyFilter extends OncePerRequestFilter {

        private final ApiKeys keys;
        private final RateLimiter limiter;
        private final ReportLinks links;

        KeyFilter(ApiKeys keys, RateLimiter limiter, ReportLinks links) {
            this.keys = keys;
            this.limiter = limiter;
            this.links = links;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null && request.getParameter("signature") != null
                    && request.getRequestURI().startsWith(request.getContextPath() + ReportLinks.PATH)) {
                reportLink(request, response, chain);
                return;
            }
            if (header == null) {
                chain.doFilter(request, response);
                return;
            }
            String presented = presented(request, header);
            Optional<ApiKeys.Caller> caller = presented == null ? Optional.empty() : keys.authenticate(presented);
            if (caller.isEmpty()) {
                Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                        "API key not valid", "The key is not known or was revoked. Ask an admin for a new key.");
                return;
            }
            long wait = limiter.take(caller.get().id());
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                Problems.write(request, response, 429, "rate-limited", "Too many requests", "This key may make "
                        + limiter.perMinute() + " requests a minute; try again in " + wait + " s.");
                return;
            }
            if (request.getRequestURI().startsWith(request.getContextPath() + GREENHOUSE)) {
                request.setAttribute(GreenhouseOrders.PRESENTED_KEY, presented);
            }
            signedIn(UsernamePasswordAuthenticationToken.authenticated("api key " + caller.get().name(), null,
                    caller.get().scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList()),
                    request, response, chain);
        }

        /**
         * The key a request presents: {@code Bearer <key>}, or on Greenhouse's endpoints HTTP Basic with the key as
         * the user name and an empty password (Greenhouse appends ":" to the key and base64-encodes it).
         */
        private static String presented(HttpServletRequest request, String header) {
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return header.substring(7).strip();
            }
            if (header.regionMatches(true, 0, "Basic ", 0, 6)
                    && request.getRequestURI().startsWith(request.getContextPath() + GREENHOUSE)) {
                try {
                    String pair = new String(java.util.Base64.getDecoder().decode(header.substring(6).strip()),
                            java.nio.charset.StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    return colon < 0 ? pair : pair.substring(0, colon);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return null;
        }

        /**
         * A signed report link opens its one report: the request runs as "report link" with the single authority
         * {@code REPORT_<submissionId>}; a wrong or expired link is refused with a problem that says what to do.
         */
        private void reportLink(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String rest = request.getRequestURI().substring(request.getContextPath().length() + ReportLinks.PATH.length());
            long submissionId;
            try {
                submissionId = Long.parseLong(rest.endsWith(".pdf") ? rest.substring(0, rest.length() - 4) : rest);
            } catch (NumberFormatException e) {
                submissionId = -1;
            }
            if (submissionId < 0 || !links.valid(submissionId, request.getParameter("expires"),
                    request.getParameter("signature"))) {
                Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "link-not-valid",
                        "Report link not valid", "This report link is wrong or has expired. Read the candidate's "
                                + "result through the API again for a fresh link.");
                return;
            }
            // A link is not a key, but each report's links share a rate limit of their own: a leaked link cannot be
            // used to keep the server drawing PDFs.
            long wait = limiter.take(-1 - submissionId);
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                Problems.write(request, response, 429, "rate-limited", "Too many requests", "This report may be "
                        + "opened " + limiter.perMinute() + " times a minute; try again in " + wait + " s.");
                return;
            }
            signedIn(UsernamePasswordAuthenticationToken.authenticated("report link", null,
                    List.of(new SimpleGrantedAuthority("REPORT_" + submissionId))), request, response, chain);
        }

        private static void signedIn(UsernamePasswordAuthenticationToken who, HttpServletRequest request,
                HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(who);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
