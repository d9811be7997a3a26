package cn.fangfei.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.util.Pool;

/**
 * One Jedis pool for the whole app. Features take a connection per operation; WxJava shares the same
 * pool for the access token. {@code Pool<Jedis>} is the common type of the plain and the Sentinel
 * pool, so no feature knows which one it got.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedisConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);
    /**
     * Connect, read and pool-wait limit of every Redis call. A healthy Redis answers in well under a
     * millisecond; a hung one must not hold a resident: a tip submission makes two calls before it
     * falls back to the spool, so it has its receipt within about two seconds.
     */
    public static final int TIMEOUT_MILLIS = 1000;

    @Bean(destroyMethod = "close")
    RedisEndpoint redisEndpoint(RedisProperties properties) {
        if (properties.sentinel()) {
            return new RedisEndpoint("sentinel", null);
        }
        if (properties.embedded()) {
            return new RedisEndpoint("embedded", EmbeddedRedis.start(properties.embeddedDir()));
        }
        return new RedisEndpoint("url", null);
    }

    @Bean(destroyMethod = "close")
    Pool<Jedis> redisPool(RedisEndpoint endpoint, RedisProperties properties) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(properties.poolSize());
        config.setMaxIdle(properties.poolSize());
        config.setJmxEnabled(false);
        config.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        if (properties.sentinel()) {
            Set<HostAndPort> sentinels = properties.sentinelAddresses().stream().map(HostAndPort::from)
                    .collect(Collectors.toSet());
            log.info("Redis through Sentinels {} for master {}", sentinels, properties.sentinelMaster());
            return new JedisSentinelPool(properties.sentinelMaster(), sentinels, config,
                    DefaultJedisClientConfig.builder().timeoutMillis(TIMEOUT_MILLIS).database(properties.database())
                            .user(emptyToNull(properties.username())).password(emptyToNull(properties.password())).build(),
                    DefaultJedisClientConfig.builder().timeoutMillis(TIMEOUT_MILLIS)
                            .password(emptyToNull(properties.sentinelPassword())).build());
        }
        return new JedisPool(config, URI.create(endpoint.url(properties)), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
