package cn.fangfei.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.fangfei.security.LoginThrottle;
import cn.fangfei.security.StaffAccount;
import cn.fangfei.security.StaffAccounts;
import cn.fangfei.security.StaffRole;
import cn.fangfei.security.StaffSessions;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The administrator's page: staff accounts, their roles, passwords and whether they may log in.
 * Taking a role away or disabling an account ends that person's sessions on every instance at once.
 * An administrator cannot lock themselves out (disable themselves or drop their own ADMIN role).
 */
@Controller
@ConsolePage
@RequestMapping("/console/users")
class UsersController {
    /** One role as the page offers it. */
    record RoleOption(String name, String label, String shortLabel) {
    }

    /** One account as the page shows it. */
    record UserRow(String username, Set<String> roles, boolean enabled) {
        static UserRow of(StaffAccount account) {
            return new UserRow(account.username(), account.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                    account.enabled());
        }
    }

    static final List<RoleOption> ROLES = List.of(
            new RoleOption(StaffRole.REVIEWER.name(), "审核员(举报线索)", "审核员"),
            new RoleOption(StaffRole.EDITOR.name(), "编辑(问答、未答问题、宣传)", "编辑"),
            new RoleOption(StaffRole.ADMIN.name(), "管理员(全部,以及用户和审计)", "管理员"));

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    UsersController(StaffAccounts accounts, StaffSessions sessions, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.all().stream().map(UserRow::of).toList());
        model.addAttribute("roles", ROLES);
        return "console/users";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) List<String> roles, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        String name = username.strip();
        try {
            accounts.create(name, password, parseRoles(roles));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("newUsername", name);
            model.addAttribute("newRoles", roles == null ? List.of() : roles);
            return list(model);
        }
        audit.record(request, AuditAction.USER_CREATED, name, describe(parseRoles(roles)));
        redirect.addFlashAttribute("notice", "已新建用户 " + name);
        return "redirect:/console/users";
    }

    @PostMapping("/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(required = false) List<String> roles,
                 HttpServletRequest request, RedirectAttributes redirect) {
        try {
            Set<StaffRole> chosen = parseRoles(roles);
            if (isSelf(request, username) && !chosen.contains(StaffRole.ADMIN)) {
                throw new IllegalArgumentException("不能去掉自己的管理员角色;请让另一位管理员操作");
            }
            accounts.setRoles(username, chosen);
            sessions.endAllOf(username);
            audit.record(request, AuditAction.USER_ROLES, username, describe(chosen));
            redirect.addFlashAttribute("notice", "已修改 " + username + " 的角色;对方需要重新登录");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/users";
    }

    @PostMapping("/{username}/password")
    String password(@PathVariable String username, @RequestParam(defaultValue = "") String password,
                    HttpServletRequest request, RedirectAttributes redirect) {
        try {
            accounts.setPassword(username, password);
            if (!isSelf(request, username)) {
                sessions.endAllOf(username);
            }
            audit.record(request, AuditAction.USER_PASSWORD, username, "");
            redirect.addFlashAttribute("notice", "已重设 " + username + " 的密码");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/users";
    }

    @PostMapping("/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, HttpServletRequest request,
                   RedirectAttributes redirect) {
        try {
            if (isSelf(request, username) && !enabled) {
                throw new IllegalArgumentException("不能停用自己的账号");
            }
            accounts.setEnabled(username, enabled);
            if (!enabled) {
                sessions.endAllOf(username);
            }
            audit.record(request, enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, username, "");
            redirect.addFlashAttribute("notice", (enabled ? "已启用 " : "已停用 ") + username);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/users";
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
        if (accounts.find(username).isEmpty()) {
            redirect.addFlashAttribute("error", "没有用户 " + username);
            return "redirect:/console/users";
        }
        throttle.unlock(username);
        audit.record(request, AuditAction.USER_UNLOCKED, username, "");
        redirect.addFlashAttribute("notice", "已解除 " + username + " 的登录限制");
        return "redirect:/console/users";
    }

    private static Set<StaffRole> parseRoles(List<String> roles) {
        Set<StaffRole> out = EnumSet.noneOf(StaffRole.class);
        if (roles != null) {
            for (String role : roles) {
                try {
                    out.add(StaffRole.valueOf(role));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("没有这个角色:" + role);
                }
            }
        }
        return out;
    }

    private static boolean isSelf(HttpServletRequest request, String username) {
        return request.getUserPrincipal() != null && request.getUserPrincipal().getName().equals(username);
    }

    private static String describe(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
