package dev.assay.base.security;

import com.vaadin.flow.spring.security.RequestUtil;
import dev.assay.base.AccountSessions;
import dev.assay.base.SignedInAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account's access has changed (disabled, roles changed, password
 * reset or changed elsewhere): the account's session stamp is checked in the database on every signed-in
 * request, so every node agrees. A page load is sent to the sign-in page, which says why; Vaadin's own
 * requests find their session gone and the page reloads into the same.
 */
class EndedSessions extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);

    private final AccountSessions sessions;
    private final RequestUtil vaadinRequests;

    EndedSessions(AccountSessions sessions, RequestUtil vaadinRequests) {
        this.sessions = sessions;
        this.vaadinRequests = vaadinRequests;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInAccount account
                && !sessions.stillValid(account)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            log.info("Ended a session of staff account #{}: its access changed", account.accountId());
            if ("GET".equals(request.getMethod()) && !vaadinRequests.isFrameworkInternalRequest(request)) {
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
