package cn.fangfei.wechat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The official account as configured. Blank app id, secret and token are the normal state of a fresh
 * checkout: the simulator then stands in for WeChat (see {@link WechatAccount}).
 *
 * @param tokenCheckFirst    the first background check of the access token, after start-up
 * @param tokenCheckInterval how often the access token is checked (and renewed when due); /actuator/health
 *                           reports the last check and never calls WeChat itself
 */
@ConfigurationProperties("fangfei.wechat")
public record WechatProperties(String appId, String secret, String token, String aesKey, String apiHost,
        Duration tokenCheckFirst, Duration tokenCheckInterval) {
    public WechatProperties {
        appId = blankIfNull(appId);
        secret = blankIfNull(secret);
        token = blankIfNull(token);
        aesKey = blankIfNull(aesKey);
        apiHost = blankIfNull(apiHost);
        tokenCheckFirst = tokenCheckFirst == null ? Duration.ZERO : tokenCheckFirst;
        tokenCheckInterval = tokenCheckInterval == null ? Duration.ofMinutes(5) : tokenCheckInterval;
    }

    public boolean hasCredentials() {
        return !appId.isEmpty() && !secret.isEmpty() && !token.isEmpty();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
