package cn.fangfei.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.redis.CoarseExpiry;
import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Refuses replayed callbacks. A signature only proves that WeChat once signed this timestamp and nonce
 * (in plain mode not even the body), so a captured request could be sent again for ever, with any body.
 * A callback must be dated within {@link WechatKeys#CALLBACK_WINDOW} of now, and its timestamp and nonce
 * are remembered for longer than that with the keyed hash of the body: the same request again is
 * WeChat's own retry (it re-sends the identical request) and is answered from the reply cache; the same
 * timestamp and nonce with another body is a replay.
 */
@Component
class CallbackReplays {
    enum Delivery { FIRST, RETRY }

    private static final Logger log = LoggerFactory.getLogger(CallbackReplays.class);

    /** KEYS: the callback's record. ARGV: body hash, TTL in ms. The hash seen before, or nil for a first delivery. */
    private static final RedisScript REMEMBER = new RedisScript("""
            local previous = redis.call('get', KEYS[1])
            if previous then return previous end
            redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return false""");

    private final Pool<Jedis> redis;
    private final KeyedHash hashes;
    private final Clock clock;

    CallbackReplays(Pool<Jedis> redis, KeyedHash hashes, Clock clock) {
        this.redis = redis;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** 403 unless the timestamp (seconds since 1970) is within the window around now. */
    void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw PortalRejection.forbidden();
        }
        Duration off = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (off.compareTo(WechatKeys.CALLBACK_WINDOW) > 0) {
            throw PortalRejection.forbidden();
        }
    }

    /**
     * Remembers a signed callback; 403 when its timestamp and nonce came before with another body.
     * With Redis down the window alone protects: answering residents matters more than this check.
     */
    Delivery remember(PortalRequest request, String body) {
        String key = WechatKeys.callback(hashes.hex("wechat-callback", request.timestamp() + "\n" + request.nonce()));
        String bodyHash = hashes.hex("wechat-callback-body", body);
        try (Jedis jedis = redis.getResource()) {
            Object previous = REMEMBER.run(jedis, List.of(key),
                    List.of(bodyHash, Long.toString(CoarseExpiry.millis(clock, WechatKeys.CALLBACK_MEMORY))));
            if (previous == null) {
                return Delivery.FIRST;
            }
            if (previous.equals(bodyHash)) {
                return Delivery.RETRY;
            }
        } catch (JedisException e) {
            log.warn("Redis unavailable, callback nonce not checked ({})", e.getClass().getSimpleName());
            return Delivery.FIRST;
        }
        log.warn("refused a replayed WeChat callback: known timestamp and nonce with another body");
        throw PortalRejection.forbidden();
    }
}
