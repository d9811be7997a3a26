package cn.fangfei.security;

import java.util.Set;

/** A staff login: the username is what audit logs and tip histories show. */
public record StaffAccount(String username, String passwordHash, Set<StaffRole> roles, boolean enabled) {
    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
