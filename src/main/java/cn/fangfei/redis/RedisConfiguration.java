package cn.fangfei.redis;

import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.util.Pool;

/**
 * One Jedis pool for the whole app. Features take a connection per operation; WxJava shares the same
 * pool for the access token, so a {@code Pool<Jedis>} is the common type.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class RedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisEndpoint redisEndpoint(RedisProperties properties) {
        if (properties.embedded()) {
            EmbeddedRedis embedded = EmbeddedRedis.start(properties.embeddedDir());
            return new RedisEndpoint(URI.create(embedded.url()), embedded);
        }
        return new RedisEndpoint(URI.create(properties.url()), null);
    }

    @Bean(destroyMethod = "close")
    Pool<Jedis> redisPool(RedisEndpoint endpoint, RedisProperties properties) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(properties.poolSize());
        config.setMaxIdle(properties.poolSize());
        config.setJmxEnabled(false);
        return new JedisPool(config, endpoint.uri(), 2000, 2000);
    }
}
