package cn.fangfei.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bearer token for /admin/**; empty switches every admin endpoint off. A short token could be guessed
 * over the network, so one under {@value #MIN_LENGTH} characters stops the start.
 */
@ConfigurationProperties("fangfei.admin")
public record AdminProperties(String token) {
    public static final int MIN_LENGTH = 32;

    public AdminProperties {
        token = token == null ? "" : token.strip();
        if (!token.isEmpty() && token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("FANGFEI_ADMIN_TOKEN must be at least " + MIN_LENGTH
                    + " characters (openssl rand -hex 32), or empty to switch /admin off");
        }
    }

    public boolean enabled() {
        return !token.isEmpty();
    }
}
