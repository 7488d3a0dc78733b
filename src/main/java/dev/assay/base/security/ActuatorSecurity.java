package dev.assay.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operations endpoints under {@code /actuator}, apart from the portal's sessions: health (liveness and
 * readiness, for load balancers) and build info are open and say no more than UP or DOWN; the Prometheus metrics
 * need {@code Authorization: Bearer <assay.metrics.token>} (ASSAY_METRICS_TOKEN), compared in constant time, and
 * are refused to everyone while no token is set. No session is created and no staff sign-in is accepted here.
 */
@Configuration
class ActuatorSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, @Value("${assay.metrics.token:}") String token)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(r -> r
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole("METRICS")
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failed) ->
                        response.sendError(HttpServletResponse.SC_UNAUTHORIZED)))
                .addFilterBefore(new MetricsToken(token), AuthorizationFilter.class);
        return http.build();
    }

    /** Signs the scraper in for this request when it sends the configured token. */
    static final class MetricsToken extends OncePerRequestFilter {

        private final byte[] expected;

        MetricsToken(String token) {
            this.expected = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (expected != null && header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(expected, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics", null,
                        List.of(new SimpleGrantedAuthority("ROLE_METRICS"))));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
