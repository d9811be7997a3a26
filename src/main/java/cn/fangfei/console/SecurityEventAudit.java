package cn.fangfei.console;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.fangfei.security.LoginThrottledEvent;
import jakarta.servlet.http.HttpServletRequest;
import redis.clients.jedis.exceptions.JedisException;

/** Logins, failed logins, logouts and requests refused for lack of a role, into the audit log. */
@Component
class SecurityEventAudit {
    private final AuditLog audit;

    SecurityEventAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            audit.record(authentication.getName(), AuditAction.LOGIN, "", "", details.getRemoteAddress());
        }
    }

    /**
     * Nothing was let in, so a failed login whose record cannot be written (Redis down, logged by
     * {@link AuditLog}) still gets the login page's explanation rather than a 500.
     */
    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
        AuditAction action = event instanceof LoginThrottledEvent ? AuditAction.LOGIN_LOCKED : AuditAction.LOGIN_FAILED;
        try {
            audit.record(attempt.getName(), action, "", event.getException().getClass().getSimpleName(), address);
        } catch (JedisException unrecorded) {
            // Already logged as an error by AuditLog.
        }
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.LOGOUT, "", "", currentAddress());
    }

    /** Anonymous visitors are only sent to the login page; a logged-in one beyond their role is recorded. */
    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return;
        }
        String target = event.getSource() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI() : "";
        audit.record(who.getName(), AuditAction.ACCESS_DENIED, target, "", currentAddress());
    }

    private static String currentAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getRemoteAddr() : "";
    }
}
