package cn.fangfei.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * A lock across all instances: a Redis key with a lease, released only by its holder, so a holder that
 * dies frees it within one lease. Two ways to hold it:
 * <ul>
 * <li>as a {@link Lock}, by one thread for a short piece of work that fits in the lease. WxJava takes it
 * around the access-token refresh so that instances don't fetch new tokens at the same time (each fetch
 * invalidates the previous token); the FAQ export takes it so that two instances never write the same
 * content file at once;</li>
 * <li>as a {@link Lease} ({@link #tryAcquire()}), for work of any length: a watchdog renews the lease
 * while the holder works. A lock made {@link #fenced} also takes a new fencing token (INCR) with every
 * acquisition; writes that check it atomically refuse a holder that was paused past its lease (GC, a
 * frozen VM) and lost the lock to another instance. The campaign sender holds its role this way.</li>
 * </ul>
 */
public final class RedisLock implements Lock {
    private static final Logger log = LoggerFactory.getLogger(RedisLock.class);
    private static final long RETRY_MILLIS = 50;

    /** KEYS: lock, then the fence if fenced. ARGV: holder, lease ms. 0 when held by another, else the token (1 unfenced). */
    private static final RedisScript ACQUIRE = new RedisScript("""
            if not redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
            if KEYS[2] then return redis.call('incr', KEYS[2]) end
            return 1""");
    /** KEYS: lock. ARGV: holder, lease ms. */
    private static final RedisScript RENEW = new RedisScript("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
            return 0""");
    /** KEYS: lock. ARGV: holder. */
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0""");

    private final Pool<Jedis> redis;
    private final List<String> keys;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();

    /** A lock without fencing tokens. */
    public RedisLock(Pool<Jedis> redis, String key, Duration lease) {
        this(redis, List.of(key), lease);
    }

    private RedisLock(Pool<Jedis> redis, List<String> keys, Duration lease) {
        this.redis = redis;
        this.keys = keys;
        this.lease = lease;
    }

    /** A lock whose every acquisition takes a new fencing token from the counter at {@code fenceKey}. */
    public static RedisLock fenced(Pool<Jedis> redis, String key, String fenceKey, Duration lease) {
        return new RedisLock(redis, List.of(key, fenceKey), lease);
    }

    /** The lock with its token and a running watchdog, or empty when another holder has it. */
    public Optional<Lease> tryAcquire() {
        String holder = UUID.randomUUID().toString();
        long token = acquire(holder);
        return token == 0 ? Optional.empty() : Optional.of(new Lease(holder, token));
    }

    @Override
    public boolean tryLock() {
        return acquire(threadHolder()) != 0;
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
                throw new IllegalStateException("interrupted while waiting for " + key(), e);
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
        release(threadHolder());
    }

    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("a Redis lock has no conditions");
    }

    private long acquire(String holder) {
        try (Jedis jedis = redis.getResource()) {
            return (Long) ACQUIRE.run(jedis, keys, List.of(holder, Long.toString(lease.toMillis())));
        }
    }

    private void release(String holder) {
        try (Jedis jedis = redis.getResource()) {
            RELEASE.run(jedis, List.of(key()), List.of(holder));
        }
    }

    private String key() {
        return keys.get(0);
    }

    private String threadHolder() {
        return instance + ":" + Thread.currentThread().getId();
    }

    /** One holding of the lock. Closing it stops the watchdog and gives the lock back if still held. */
    public final class Lease implements AutoCloseable {
        private final String holder;
        private final long token;
        private final ScheduledExecutorService watchdog;
        private volatile boolean lost;
        private volatile long renewedAt = System.nanoTime();

        private Lease(String holder, long token) {
            this.holder = holder;
            this.token = token;
            this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "redis-lock-watchdog " + key());
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(1, lease.toMillis() / 3);
            watchdog.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        /** The fencing token of this holding: higher than every earlier one (always 1 on a lock that is not fenced). */
        public long token() {
            return token;
        }

        /** True once the lease could not be renewed: another holder may have the lock now. */
        public boolean lost() {
            return lost;
        }

        private void renew() {
            try (Jedis jedis = redis.getResource()) {
                if ((Long) RENEW.run(jedis, List.of(key()), List.of(holder, Long.toString(lease.toMillis()))) == 1) {
                    renewedAt = System.nanoTime();
                } else {
                    lose("the lock was taken over or expired");
                }
            } catch (JedisException e) {
                if (System.nanoTime() - renewedAt > lease.toNanos()) {
                    lose("Redis unreachable for longer than the lease");
                }
            }
        }

        private void lose(String why) {
            if (!lost) {
                lost = true;
                log.warn("lost the lock {} (token {}): {}", key(), token, why);
            }
            watchdog.shutdown();
        }

        @Override
        public void close() {
            watchdog.shutdownNow();
            try {
                release(holder);
            } catch (JedisException e) {
                log.warn("could not release the lock {}, it expires by itself ({})", key(), e.getClass().getSimpleName());
            }
        }
    }
}
