package cn.fangfei.console;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page knows who is looking, for the menu (only sections their role opens) and the header. */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModel {
    private final RoleHierarchy roles;

    ConsoleModel(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute("staff")
    StaffView staff(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return StaffView.of(authentication, roles);
    }
}
