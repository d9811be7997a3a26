package cn.fangfei.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff logins: the first administrator, from the environment, so that a fresh install can be logged
 * into; how long an idle console session lasts; and how many wrong passwords are tolerated.
 *
 * @param sessionTimeout             an idle session ends after this; also the session's lifetime in Redis
 * @param loginMaxFailures           wrong passwords for one account before it is locked for {@code loginLockout}
 * @param loginMaxFailuresPerAddress wrong passwords from one network address, whatever the account
 * @param loginLockout               how long a lock lasts after the last wrong password
 */
@ConfigurationProperties("fangfei.security")
public record SecurityProperties(String adminUsername, String adminPassword, Duration sessionTimeout,
                                 int loginMaxFailures, int loginMaxFailuresPerAddress, Duration loginLockout) {
    public SecurityProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername.strip();
        adminPassword = adminPassword == null ? "" : adminPassword;
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
        loginMaxFailures = loginMaxFailures <= 0 ? 5 : loginMaxFailures;
        loginMaxFailuresPerAddress = loginMaxFailuresPerAddress <= 0 ? 20 : loginMaxFailuresPerAddress;
        loginLockout = loginLockout == null ? Duration.ofMinutes(15) : loginLockout;
        if (sessionTimeout.toSeconds() < 60) {
            throw new IllegalArgumentException("fangfei.security.session-timeout must be at least one minute");
        }
    }
}
