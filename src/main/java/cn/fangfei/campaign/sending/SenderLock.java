package cn.fangfei.campaign.sending;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * The sender role, held by one instance at a time: a Redis key with a lease that a watchdog renews
 * while the holder works, so a holder that dies frees it within one lease. Every acquisition also
 * takes a new fencing token (INCR); progress writes check it atomically, so a holder that was paused
 * past its lease (GC, a frozen VM) and lost the role to another instance cannot write any more.
 */
final class SenderLock {
    private static final Logger log = LoggerFactory.getLogger(SenderLock.class);

    /** KEYS: lock, fence. ARGV: instance, lease ms. The new token, or 0 when another holder has it. */
    private static final RedisScript ACQUIRE = new RedisScript("""
            if redis.call('exists', KEYS[1]) == 1 then return 0 end
            local token = redis.call('incr', KEYS[2])
            redis.call('set', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
            return token""");
    private static final RedisScript RENEW = new RedisScript("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
            return 0""");
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0""");

    private final Pool<Jedis> redis;
    private final Duration lease;
    private final String instance;

    SenderLock(Pool<Jedis> redis, Duration lease, String instance) {
        this.redis = redis;
        this.lease = lease;
        this.instance = instance;
    }

    /** The role with its token and a running watchdog, or empty when another instance holds it. */
    Optional<Lease> tryAcquire() {
        long token;
        try (Jedis jedis = redis.getResource()) {
            token = (Long) ACQUIRE.run(jedis, List.of(SendingKeys.SENDER_LOCK, SendingKeys.SENDER_FENCE),
                    List.of(instance, Long.toString(lease.toMillis())));
        }
        return token == 0 ? Optional.empty() : Optional.of(new Lease(token));
    }

    /** One holding of the role. Closing it stops the watchdog and gives the role back if still held. */
    final class Lease implements AutoCloseable {
        private final long token;
        private final String value;
        private final ScheduledExecutorService watchdog;
        private volatile boolean lost;
        private volatile long renewedAt = System.nanoTime();

        private Lease(long token) {
            this.token = token;
            this.value = instance + ":" + token;
            this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "campaign-lock-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(1, lease.toMillis() / 3);
            watchdog.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        long token() {
            return token;
        }

        /** True once the lease could not be renewed: another instance may hold the role now. */
        boolean lost() {
            return lost;
        }

        private void renew() {
            try (Jedis jedis = redis.getResource()) {
                if ((Long) RENEW.run(jedis, List.of(SendingKeys.SENDER_LOCK), List.of(value, Long.toString(lease.toMillis()))) == 1) {
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
                log.warn("campaign sender lost its lock (token {}): {}", token, why);
            }
            watchdog.shutdown();
        }

        @Override
        public void close() {
            watchdog.shutdownNow();
            try (Jedis jedis = redis.getResource()) {
                RELEASE.run(jedis, List.of(SendingKeys.SENDER_LOCK), List.of(value));
            } catch (JedisException e) {
                log.warn("could not release the campaign sender lock, it expires by itself ({})", e.getClass().getSimpleName());
            }
        }
    }
}
