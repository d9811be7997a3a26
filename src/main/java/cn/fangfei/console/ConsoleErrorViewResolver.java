package cn.fangfei.console;

import java.util.Map;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of console pages (a missing role, a record that does not exist, a refused form) get the
 * console's page; every other path keeps the error page residents see.
 */
@Component
class ConsoleErrorViewResolver implements ErrorViewResolver, Ordered {
    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(request.getContextPath().length());
        if (!path.equals("/console") && !path.startsWith("/console/") && !path.equals("/login")) {
            return null;
        }
        return new ModelAndView("console/error", Map.of("status", status.value()), status);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
