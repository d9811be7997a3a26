package cn.fangfei.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fangfei.config.RunMode;

/**
 * Creates the administrator named by FANGFEI_ADMIN_USERNAME / FANGFEI_ADMIN_PASSWORD when that account
 * does not exist yet. An existing account is never overwritten, so a password changed later in the
 * console survives restarts. In simulator mode without FANGFEI_ADMIN_PASSWORD, a newcomer still gets
 * into the console at once: when there is no administrator, one is created with a random password that
 * is logged this once. With a real account nothing is created without FANGFEI_ADMIN_PASSWORD.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    /** No 0/O or 1/l/I, so the password can be typed from the log without guessing. */
    private static final String PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 16;

    private final StaffAccounts accounts;
    private final SecurityProperties properties;
    private final RunMode runMode;
    private final SecureRandom random = new SecureRandom();

    FirstAdmin(StaffAccounts accounts, SecurityProperties properties, RunMode runMode) {
        this.accounts = accounts;
        this.properties = properties;
        this.runMode = runMode;
    }

    /** Refuses a configured password StaffAccounts would refuse, before the server starts listening. */
    @Override
    public void afterSingletonsInstantiated() {
        String password = properties.adminPassword();
        if (password.isEmpty()) {
            return;
        }
        if (password.length() < StaffAccounts.MIN_PASSWORD) {
            throw new AdminPasswordRejectedException("FANGFEI_ADMIN_PASSWORD is too short: it needs at least "
                    + StaffAccounts.MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > StaffAccounts.MAX_PASSWORD_BYTES) {
            throw new AdminPasswordRejectedException("FANGFEI_ADMIN_PASSWORD is too long: at most "
                    + StaffAccounts.MAX_PASSWORD_BYTES + " bytes (bcrypt ignores the rest)");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfMissing() {
        if (!properties.adminPassword().isEmpty()) {
            if (accounts.find(properties.adminUsername()).isEmpty()) {
                accounts.save(properties.adminUsername(), properties.adminPassword(), Set.of(StaffRole.ADMIN));
                log.info("created the first administrator account {}", properties.adminUsername());
            }
            return;
        }
        if (!runMode.simulator()) {
            log.info("FANGFEI_ADMIN_PASSWORD is not set: no first administrator is created");
            return;
        }
        boolean hasAdmin = accounts.all().stream().anyMatch(account -> account.roles().contains(StaffRole.ADMIN));
        if (hasAdmin || accounts.find(properties.adminUsername()).isPresent()) {
            return;
        }
        String password = generatedPassword();
        accounts.create(properties.adminUsername(), password, Set.of(StaffRole.ADMIN));
        log.warn("simulator mode, for local use only: created the console administrator {} with the one-time "
                + "password {} (shown only now; log in at /login and change it under 用户)",
                properties.adminUsername(), password);
    }

    private String generatedPassword() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return password.toString();
    }
}
