package cn.fangfei.redis;

import java.time.Duration;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/**
 * Work that one instance does once per period (a day's tip digest, a night's purge, a week's campaign
 * email): every instance's scheduler fires, and the first to claim the period's key does the work. The
 * key names the period (its date) and belongs to the feature; it outlives the period by its TTL so that
 * a late or repeated tick still finds it.
 */
public final class OncePerPeriod {
    private static final String CLAIMED = "1";

    private final Pool<Jedis> redis;

    public OncePerPeriod(Pool<Jedis> redis) {
        this.redis = redis;
    }

    /** True for the first claim of {@code key} (SET NX EX): that caller does the period's work. */
    public boolean claim(String key, Duration ttl) {
        try (Jedis jedis = redis.getResource()) {
            return "OK".equals(jedis.set(key, CLAIMED, SetParams.setParams().nx().ex(ttl.toSeconds())));
        }
    }

    /** Gives a claim back after the work failed, so that a later tick (of any instance) tries again. */
    public void giveBack(String key) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(key);
        }
    }
}
