package cn.fangfei.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The official account as configured. Blank app id, secret and token are the normal state of a fresh
 * checkout: the simulator then stands in for WeChat (see {@link WechatAccount}).
 */
@ConfigurationProperties("fangfei.wechat")
public record WechatProperties(String appId, String secret, String token, String aesKey, String apiHost) {
    public WechatProperties {
        appId = blankIfNull(appId);
        secret = blankIfNull(secret);
        token = blankIfNull(token);
        aesKey = blankIfNull(aesKey);
        apiHost = blankIfNull(apiHost);
    }

    public boolean hasCredentials() {
        return !appId.isEmpty() && !secret.isEmpty() && !token.isEmpty();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
