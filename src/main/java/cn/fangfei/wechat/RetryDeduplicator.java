package cn.fangfei.wechat;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.crypto.SealedValueException;
import cn.fangfei.crypto.Sealer;
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

    public RetryDeduplicator(Pool<Jedis> redis, Sealer sealer) {
        this.redis = redis;
        this.sealer = sealer;
    }

    /**
     * The reply to one delivery: computed here if this is the first delivery of {@code key}, otherwise
     * the first delivery's reply; empty when there is none (yet) and WeChat should get "success".
     */
    public String replyOnce(String key, Supplier<String> computeReply) {
        boolean first;
        try (Jedis jedis = redis.getResource()) {
            first = "OK".equals(jedis.set(key, PENDING, SetParams.setParams().nx().px(WechatKeys.DEDUP_TTL.toMillis())));
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

    private void remember(String key, String reply) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(key, REPLY + sealer.seal(reply, key), SetParams.setParams().px(WechatKeys.DEDUP_TTL.toMillis()));
        } catch (JedisException e) {
            log.warn("could not store a reply for WeChat's retries ({})", e.getClass().getSimpleName());
        }
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
