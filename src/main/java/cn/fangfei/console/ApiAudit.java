package cn.fangfei.console;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff calls to the JSON APIs go into the audit log like console actions do: every change, and every
 * read of tips (they show a tip's decrypted text). The console's own pages audit themselves, with
 * their own words.
 */
@Component
class ApiAudit implements HandlerInterceptor {
    private final AuditLog audit;

    ApiAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception exception) {
        if (request.getUserPrincipal() == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!read || path.startsWith("/api/tips/")) {
            audit.record(request, AuditAction.API_CALL, request.getMethod() + " " + path, "HTTP " + response.getStatus());
        }
    }
}
