package cn.fangfei.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** Redis answers PING: without it no tip can be queued (only spooled) and no state is shared. */
@Component("redis")
class RedisHealth extends AbstractHealthIndicator {
    private final Pool<Jedis> redis;
    private final RedisEndpoint endpoint;

    RedisHealth(Pool<Jedis> redis, RedisEndpoint endpoint) {
        super("Redis health check failed");
        this.redis = redis;
        this.endpoint = endpoint;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try (Jedis jedis = redis.getResource()) {
            jedis.ping();
        }
        builder.up().withDetail("mode", endpoint.mode());
    }
}
