package cn.fangfei.console;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import cn.fangfei.security.StaffRole;

/** What the page shows of the staff member logged in: their name, and which sections they may open. */
public record StaffView(String name, boolean reviewer, boolean editor, boolean admin) {
    static StaffView of(Authentication authentication, RoleHierarchy roles) {
        Collection<? extends GrantedAuthority> reachable = roles.getReachableGrantedAuthorities(authentication.getAuthorities());
        Set<String> names = reachable.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return new StaffView(authentication.getName(), names.contains("ROLE_" + StaffRole.REVIEWER.name()),
                names.contains("ROLE_" + StaffRole.EDITOR.name()), names.contains("ROLE_" + StaffRole.ADMIN.name()));
    }
}
