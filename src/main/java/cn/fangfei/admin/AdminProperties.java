package cn.fangfei.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The bearer token for /admin/**; empty switches every admin endpoint off. */
@ConfigurationProperties("fangfei.admin")
public record AdminProperties(String token) {
    public AdminProperties {
        token = token == null ? "" : token.strip();
    }

    public boolean enabled() {
        return !token.isEmpty();
    }
}
