package cn.fangfei.console;

import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern ATTACHMENT = Pattern.compile("/api/tips/[^/]+/files/\\d+");
    private static final Pattern LEDGER = Pattern.compile("/api/tips/ledger/[^/]+");
    private static final Pattern ONE_TIP = Pattern.compile("/api/tips/[^/]+");
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
        if (!read || path.startsWith("/api/tips/")) {
            audit.record(request, read ? readAction(path) : AuditAction.API_CALL, request.getMethod() + " " + path,
                    "HTTP " + response.getStatus());
        }
    }

    /** The console links to attachments and ledgers through the API; they read as what they are. */
    private static AuditAction readAction(String path) {
        if (ATTACHMENT.matcher(path).matches()) {
            return AuditAction.TIP_ATTACHMENT_VIEWED;
        }
        if (LEDGER.matcher(path).matches()) {
            return AuditAction.LEDGER_DOWNLOADED;
        }
        return ONE_TIP.matcher(path).matches() && !LISTS.contains(path) ? AuditAction.TIP_VIEWED : AuditAction.API_CALL;
    }
}
