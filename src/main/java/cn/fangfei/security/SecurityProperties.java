package cn.fangfei.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff logins: the first administrator, from the environment, so that a fresh install can be logged
 * into; how long an idle console session lasts; and how wrong passwords are slowed down (LoginThrottle).
 *
 * @param sessionTimeout                an idle session ends after this; also the session's lifetime in Redis
 * @param loginFreeFailures             wrong passwords for one account from one address before each further
 *                                      try from there waits 2 s, 4 s, 8 s and so on
 * @param loginMaxDelay                 the longest such wait
 * @param loginForgetAfter              an account's wrong passwords are forgotten this long after the last one
 * @param loginSlowAfterAccountFailures wrong passwords for one account from all addresses after which every
 *                                      check for it first pauses {@code loginAccountPause} (never refuses)
 * @param loginAccountPause             that pause
 * @param loginMaxFailuresPerAddress    wrong passwords from one network address, whatever the account, before
 *                                      that address is refused for {@code loginLockout}
 * @param loginLockout                  how long an address stays refused after its last wrong password
 * @param metricsToken                  the password Prometheus sends (HTTP basic, user "prometheus") for
 *                                      /actuator/prometheus; empty: the metrics are served to nobody
 */
@ConfigurationProperties("fangfei.security")
public record SecurityProperties(String adminUsername, String adminPassword, Duration sessionTimeout,
                                 int loginFreeFailures, Duration loginMaxDelay, Duration loginForgetAfter,
                                 int loginSlowAfterAccountFailures, Duration loginAccountPause,
                                 int loginMaxFailuresPerAddress, Duration loginLockout, String metricsToken) {
    public SecurityProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername.strip();
        adminPassword = adminPassword == null ? "" : adminPassword;
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout;
        loginFreeFailures = loginFreeFailures <= 0 ? 3 : loginFreeFailures;
        loginMaxDelay = loginMaxDelay == null ? Duration.ofMinutes(15) : loginMaxDelay;
        loginForgetAfter = loginForgetAfter == null ? Duration.ofHours(24) : loginForgetAfter;
        loginSlowAfterAccountFailures = loginSlowAfterAccountFailures <= 0 ? 20 : loginSlowAfterAccountFailures;
        loginAccountPause = loginAccountPause == null ? Duration.ofSeconds(1) : loginAccountPause;
        loginMaxFailuresPerAddress = loginMaxFailuresPerAddress <= 0 ? 20 : loginMaxFailuresPerAddress;
        loginLockout = loginLockout == null ? Duration.ofMinutes(15) : loginLockout;
        metricsToken = metricsToken == null ? "" : metricsToken.strip();
        if (sessionTimeout.toSeconds() < 60) {
            throw new IllegalArgumentException("fangfei.security.session-timeout must be at least one minute");
        }
    }
}
