package cn.fangfei.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/**
 * A lock across all instances, held by one thread of one instance: SET NX with a lease, released only
 * by its holder. WxJava takes it around the access-token refresh so that instances don't fetch new
 * tokens at the same time (each fetch invalidates the previous token); the FAQ export takes it so that
 * two instances never write the same content file at once.
 */
public final class RedisLock implements Lock {
    private static final long RETRY_MILLIS = 50;
    private static final String RELEASE_IF_HOLDER =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final Pool<Jedis> redis;
    private final String key;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();

    public RedisLock(Pool<Jedis> redis, String key, Duration lease) {
        this.redis = redis;
        this.key = key;
        this.lease = lease;
    }

    @Override
    public boolean tryLock() {
        try (Jedis jedis = redis.getResource()) {
            return "OK".equals(jedis.set(key, holder(), SetParams.setParams().nx().px(lease.toMillis())));
        }
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        while (!tryLock()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(RETRY_MILLIS);
        }
        return true;
    }

    /**
     * Waits until this thread holds the lock, with no upper bound: a holder that died frees it when its
     * lease runs out, but another instance may take it first, again and again.
     */
    @Override
    public void lock() {
        while (!tryLock()) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        while (!tryLock()) {
            Thread.sleep(RETRY_MILLIS);
        }
    }

    @Override
    public void unlock() {
        try (Jedis jedis = redis.getResource()) {
            jedis.eval(RELEASE_IF_HOLDER, List.of(key), List.of(holder()));
        }
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("a Redis lock has no conditions");
    }

    private String holder() {
        return instance + ":" + Thread.currentThread().getId();
    }
}
