package cn.fangfei.tip;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Per-sender limits on submissions and on wrong receipt codes. A sender (openid or IP address) is
 * counted under a keyed hash whose key changes every window, and each counter expires with its
 * window: nothing links a sender across windows or outlives the window. An unknown sender (a web
 * request whose address a proxy withheld) is not limited here; the proxy limits it.
 */
@Component
public class SenderLimits {
    private static final Logger log = LoggerFactory.getLogger(SenderLimits.class);

    private static final RedisScript COUNT = new RedisScript("""
            local n = redis.call('incr', KEYS[1])
            if n == 1 then
              redis.call('pexpireat', KEYS[1], ARGV[1])
            end
            return n
            """);

    private final Pool<Jedis> redis;
    private final KeyedHash hashes;
    private final Clock clock;
    private final TipProperties.RateLimit limits;

    public SenderLimits(Pool<Jedis> redis, KeyedHash hashes, Clock clock, TipProperties properties) {
        this.redis = redis;
        this.hashes = hashes;
        this.clock = clock;
        this.limits = properties.rateLimit();
    }

    /**
     * Counts a submission; false once the sender is over the limit. When Redis is down the tip is
     * let through to the spool: losing a tip is worse than a burst.
     */
    public boolean allowSubmission(Optional<String> sender) {
        if (sender.isEmpty()) {
            return true;
        }
        try {
            return count("submit", sender.get(), limits.window()) <= limits.submissions();
        } catch (JedisException e) {
            log.warn("Redis unavailable, submission not rate-limited ({})", e.getClass().getSimpleName());
            return true;
        }
    }

    /** Whether the sender got too many receipt codes wrong lately; then every code, right or wrong, gets the same refusal. */
    public boolean lookupsBlocked(Optional<String> sender) {
        if (sender.isEmpty()) {
            return false;
        }
        Duration window = limits.lookupWindow();
        String key = TipKeys.rateLimit("lookup", senderHash("lookup", sender.get(), window));
        String failures;
        try (Jedis jedis = redis.getResource()) {
            failures = jedis.get(key);
        }
        return failures != null && Long.parseLong(failures) >= limits.failedLookups();
    }

    public void recordFailedLookup(Optional<String> sender) {
        sender.ifPresent(known -> count("lookup", known, limits.lookupWindow()));
    }

    private long count(String kind, String sender, Duration window) {
        long windowIndex = clock.millis() / window.toMillis();
        String key = TipKeys.rateLimit(kind, senderHash(kind, sender, window));
        try (Jedis jedis = redis.getResource()) {
            return (Long) COUNT.run(jedis, List.of(key), List.of(Long.toString((windowIndex + 1) * window.toMillis())));
        }
    }

    private String senderHash(String kind, String sender, Duration window) {
        long windowIndex = clock.millis() / window.toMillis();
        return hashes.hex("tip-rate:" + kind + ":" + windowIndex, sender);
    }
}
