package cn.fangfei.support;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** Tests own their Redis database: each starts from an empty one. */
public final class RedisTestSupport {
    private RedisTestSupport() {
    }

    public static void flush(Pool<Jedis> redis) {
        try (Jedis jedis = redis.getResource()) {
            jedis.flushDB();
        }
    }
}
