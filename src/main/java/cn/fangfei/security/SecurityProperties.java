package cn.fangfei.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, from the environment, so that a fresh install can be logged into. */
@ConfigurationProperties("fangfei.security")
public record SecurityProperties(String adminUsername, String adminPassword) {
    public SecurityProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername.strip();
        adminPassword = adminPassword == null ? "" : adminPassword;
    }
}
