package cn.fangfei.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is. An empty {@code url} means "no server named": the app then starts an embedded one
 * so that a fresh checkout runs without any setup.
 */
@ConfigurationProperties("fangfei.redis")
public record RedisProperties(String url, String embeddedDir, int poolSize) {
    public RedisProperties {
        url = url == null ? "" : url.trim();
        embeddedDir = embeddedDir == null || embeddedDir.isBlank() ? "./data" : embeddedDir;
        poolSize = poolSize <= 0 ? 32 : poolSize;
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
