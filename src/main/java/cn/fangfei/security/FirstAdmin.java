package cn.fangfei.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator named by FANGFEI_ADMIN_USERNAME / FANGFEI_ADMIN_PASSWORD when that account
 * does not exist yet. An existing account is never overwritten, so a password changed later in the
 * console survives restarts.
 */
@Component
class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffAccounts accounts;
    private final SecurityProperties properties;

    FirstAdmin(StaffAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfMissing() {
        if (properties.adminPassword().isEmpty()) {
            log.info("FANGFEI_ADMIN_PASSWORD is not set: no first administrator is created");
            return;
        }
        if (accounts.find(properties.adminUsername()).isEmpty()) {
            accounts.save(properties.adminUsername(), properties.adminPassword(), Set.of(StaffRole.ADMIN));
            log.info("created the first administrator account {}", properties.adminUsername());
        }
    }
}
