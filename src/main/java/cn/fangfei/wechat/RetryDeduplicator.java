package cn.fangfei.wechat;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.crypto.SealedValueException;
import cn.fangfei.crypto.Sealer;
import cn.fangfei.redis.CoarseExpiry;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/**
 * WeChat re-sends a message it got no answer to within 5 s, possibly to another instance. The first
 * delivery claims the message in Redis and stores its reply; retries answer with that same reply, so a
 * resident never gets two different answers (or a half-done side effect twice). The stored reply is
 * sealed: it names the resident (ToUserName) and may carry a tip-off receipt code or an office message.
 */
@Component
public class RetryDeduplicator {
    private static final Logger log = LoggerFactory.getLogger(RetryDeduplicator.class);
    private static final String PENDING = "pending";
    private static final String REPLY = "reply:";
    private static final long POLL_MILLIS = 100;

    private final Pool<Jedis> redis;
    private final Sealer sealer;
    private final Clock clock;

    public RetryDeduplicator(Pool<Jedis> redis, Sealer sealer, Clock clock) {
        this.redis = redis;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * The reply to one delivery: computed here if this is the first delivery of {@code key}, otherwise
     * the first delivery's reply; empty when there is none (yet) and WeChat should get "success".
     */
    public String replyOnce(String key, Supplier<String> computeReply) {
        boolean first;
        try (Jedis jedis = redis.getResource()) {
            first = "OK".equals(jedis.set(key, PENDING, SetParams.setParams().nx().px(ttlMillis())));
        } catch (JedisException e) {
            log.warn("Redis unavailable, replying without de-duplication ({})", e.getClass().getSimpleName());
            return computeReply.get();
        }
        if (!first) {
            return awaitFirstReply(key);
        }
        String reply;
        try {
            reply = computeReply.get();
        } catch (RuntimeException e) {
            forget(key);
            throw e;
        }
        remember(key, reply);
        return reply;
    }

    /**
     * The reply to a repeated request (see CallbackReplays): the first delivery's reply, or empty when
     * none is cached any more, in which case the repeat is not WeChat's retry but a replay.
     */
    public Optional<String> replyToRepeat(String key) {
        String stored;
        try (Jedis jedis = redis.getResource()) {
            stored = jedis.get(key);
        } catch (JedisException e) {
            log.warn("Redis unavailable, a repeated callback is answered with none ({})", e.getClass().getSimpleName());
            return Optional.of("");
        }
        return stored == null ? Optional.empty() : Optional.of(awaitFirstReply(key));
    }

    private void remember(String key, String reply) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(key, REPLY + sealer.seal(reply, key), SetParams.setParams().px(ttlMillis()));
        } catch (JedisException e) {
            log.warn("could not store a reply for WeChat's retries ({})", e.getClass().getSimpleName());
        }
    }

    private long ttlMillis() {
        return CoarseExpiry.millis(clock, WechatKeys.DEDUP_TTL);
    }

    private void forget(String key) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(key);
        } catch (JedisException e) {
            log.warn("could not release a failed delivery for retry ({})", e.getClass().getSimpleName());
        }
    }

    private String awaitFirstReply(String key) {
        long deadline = System.nanoTime() + WechatKeys.DEDUP_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String stored;
                try (Jedis jedis = redis.getResource()) {
                    stored = jedis.get(key);
                }
                if (stored != null && stored.startsWith(REPLY)) {
                    return sealer.open(stored.substring(REPLY.length()), key);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (JedisException e) {
            log.warn("Redis unavailable while a retry waited for its reply ({})", e.getClass().getSimpleName());
        } catch (SealedValueException e) {
            log.warn("the first delivery's reply could not be opened (data key changed?), answering with none");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }
}
