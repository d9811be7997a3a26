package cn.fangfei.console;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff calls to the JSON APIs go into the audit log like console actions do: every change and every
 * read of the tip lists. A read of one tip, an attachment or the ledger is audited by the tip API itself,
 * under the tip's own id and before the answer leaves (a raw path here would name no tip reliably).
 * The console's own pages audit themselves, with their own words.
 */
@Component
class ApiAudit implements HandlerInterceptor {
    private static final Set<String> LISTS = Set.of("/api/tips/pending", "/api/tips/mine", "/api/tips/overdue",
            "/api/tips/dead-letter", "/api/tips/open");

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
        if (!read || LISTS.contains(path)) {
            audit.record(request, AuditAction.API_CALL, request.getMethod() + " " + path, "HTTP " + response.getStatus());
        }
    }
}
