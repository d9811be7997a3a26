package cn.fangfei.redis;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is: Sentinel addresses (high availability), else a URL, else nothing, in which case the
 * app starts an embedded Redis so that a fresh checkout runs without any setup.
 *
 * @param sentinels       "host:port,host:port"; when set, the master named {@code sentinelMaster} is used
 * @param username        ACL user of the data nodes (Sentinel mode; in URL mode it is part of the URL)
 * @param password        password of the data nodes (Sentinel mode)
 * @param sentinelPassword password of the Sentinels themselves, when they require one
 * @param database        database index (Sentinel mode)
 */
@ConfigurationProperties("fangfei.redis")
public record RedisProperties(String url, String embeddedDir, int poolSize, String sentinels, String sentinelMaster,
                              String username, String password, String sentinelPassword, int database) {
    public RedisProperties {
        url = blankToEmpty(url);
        embeddedDir = embeddedDir == null || embeddedDir.isBlank() ? "./data" : embeddedDir;
        poolSize = poolSize <= 0 ? 32 : poolSize;
        sentinels = blankToEmpty(sentinels);
        sentinelMaster = sentinelMaster == null || sentinelMaster.isBlank() ? "mymaster" : sentinelMaster.strip();
        username = blankToEmpty(username);
        password = blankToEmpty(password);
        sentinelPassword = blankToEmpty(sentinelPassword);
    }

    public boolean sentinel() {
        return !sentinels.isEmpty();
    }

    public boolean embedded() {
        return !sentinel() && url.isEmpty();
    }

    public List<String> sentinelAddresses() {
        return Arrays.stream(sentinels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
