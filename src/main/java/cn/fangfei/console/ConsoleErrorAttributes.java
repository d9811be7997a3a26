package cn.fangfei.console;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error pages are shared with residents' pages; they offer the way back to the console only to
 * staff who are logged in. Boot's attributes stay as configured: never a stack trace or a message.
 */
@Component
class ConsoleErrorAttributes extends DefaultErrorAttributes {
    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        attributes.put("staffSignedIn", who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken));
        return attributes;
    }
}
