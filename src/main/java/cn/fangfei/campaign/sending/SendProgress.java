package cn.fangfei.campaign.sending;

import java.util.ArrayList;
import java.util.List;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Where each recipient (or mass batch) of a send stands, in one Redis hash per send:
 * <ul>
 * <li>{@code c:<token>:<millis>}: claimed by the holder with that fencing token, WeChat call in flight;
 * <li>{@code s} or {@code s:<msgid>}: WeChat accepted it;
 * <li>{@code f:<errcode>}: WeChat refused it for this recipient;
 * <li>{@code u}: unknown: a holder died between the call and recording its answer, and the channel
 *     has no idempotency key, so it is not sent again (no duplicates) and is reported instead.
 * </ul>
 * A recipient is claimed before the call and settled after it. Every write first checks, in the same
 * Lua script, that the caller's fencing token is still the current one, so a holder that lost the role
 * cannot claim or settle anything; settling also counts into the send log in the same script.
 */
final class SendProgress {
    static final long FENCED = -1;
    static final long QUOTA_USED = -2;

    private static final String FENCE_CHECK = "if redis.call('get', KEYS[1]) ~= ARGV[1] then return -1 end\n";

    /** KEYS: fence, progress. ARGV: token, field, claim. 1 claimed, 0 already there. */
    private static final RedisScript CLAIM = new RedisScript(FENCE_CHECK + """
            if redis.call('hsetnx', KEYS[2], ARGV[2], ARGV[3]) == 1 then return 1 end
            return 0""");

    /** KEYS: fence, progress. ARGV: token, field, the stale claim, the new claim. 1 taken over, 0 it changed meanwhile. */
    private static final RedisScript RECLAIM = new RedisScript(FENCE_CHECK + """
            if redis.call('hget', KEYS[2], ARGV[2]) ~= ARGV[3] then return 0 end
            redis.call('hset', KEYS[2], ARGV[2], ARGV[4])
            return 1""");

    /** KEYS: fence, progress, log. ARGV: token, field, expected current value, new value, log counter. */
    private static final RedisScript SETTLE = new RedisScript(FENCE_CHECK + """
            if redis.call('hget', KEYS[2], ARGV[2]) ~= ARGV[3] then return 0 end
            redis.call('hset', KEYS[2], ARGV[2], ARGV[4])
            redis.call('hincrby', KEYS[3], ARGV[5], 1)
            return 1""");

    /** KEYS: fence, progress. ARGV: token, field, claim. Gives a claim back so the next run tries again. */
    private static final RedisScript RELEASE = new RedisScript(FENCE_CHECK + """
            if redis.call('hget', KEYS[2], ARGV[2]) ~= ARGV[3] then return 0 end
            redis.call('hdel', KEYS[2], ARGV[2])
            return 1""");

    /**
     * KEYS: fence, progress, quota counter. ARGV: token, field, claim, quota limit, quota ttl ms.
     * Claims a mass batch and takes one mass send from the quota, or -2 when the quota is used up.
     */
    private static final RedisScript CLAIM_MASS = new RedisScript(FENCE_CHECK + """
            if redis.call('hexists', KEYS[2], ARGV[2]) == 1 then return 0 end
            if tonumber(redis.call('get', KEYS[3]) or '0') >= tonumber(ARGV[4]) then return -2 end
            redis.call('incr', KEYS[3])
            redis.call('pexpire', KEYS[3], ARGV[5])
            redis.call('hset', KEYS[2], ARGV[2], ARGV[3])
            return 1""");

    private final Pool<Jedis> redis;
    private final String sendId;
    private final long token;
    private final String fence;

    SendProgress(Pool<Jedis> redis, String sendId, long token) {
        this.redis = redis;
        this.sendId = sendId;
        this.token = token;
        this.fence = Long.toString(token);
    }

    /** A claim value of this holder, stamped with the time so that a later holder knows its age. */
    String claimValue(long nowMillis) {
        return "c:" + token + ":" + nowMillis;
    }

    static boolean isClaim(String state) {
        return state != null && state.startsWith("c:");
    }

    /** The fencing token in a claim value. */
    static long claimToken(String claim) {
        return Long.parseLong(claim.substring(2, claim.indexOf(':', 2)));
    }

    static long claimMillis(String claim) {
        return Long.parseLong(claim.substring(claim.indexOf(':', 2) + 1));
    }

    /** The states of these fields, in order (null where nothing was recorded). */
    List<String> states(List<String> fields) {
        if (fields.isEmpty()) {
            return List.of();
        }
        try (Jedis jedis = redis.getResource()) {
            return new ArrayList<>(jedis.hmget(SendingKeys.progress(sendId), fields.toArray(String[]::new)));
        }
    }

    String state(String field) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.hget(SendingKeys.progress(sendId), field);
        }
    }

    long claim(String field, String claim) {
        return run(CLAIM, List.of(SendingKeys.SENDER_FENCE, SendingKeys.progress(sendId)), field, claim);
    }

    long reclaim(String field, String staleClaim, String claim) {
        return run(RECLAIM, List.of(SendingKeys.SENDER_FENCE, SendingKeys.progress(sendId)), field, staleClaim, claim);
    }

    long settle(String field, String claim, String state, String counter) {
        return run(SETTLE, List.of(SendingKeys.SENDER_FENCE, SendingKeys.progress(sendId), SendingKeys.send(sendId)),
                field, claim, state, counter);
    }

    long release(String field, String claim) {
        return run(RELEASE, List.of(SendingKeys.SENDER_FENCE, SendingKeys.progress(sendId)), field, claim);
    }

    long claimMass(String field, String claim, String quotaKey, int limit, long quotaTtlMillis) {
        return run(CLAIM_MASS, List.of(SendingKeys.SENDER_FENCE, SendingKeys.progress(sendId), quotaKey),
                field, claim, Integer.toString(limit), Long.toString(quotaTtlMillis));
    }

    private long run(RedisScript script, List<String> keys, String... args) {
        List<String> all = new ArrayList<>(args.length + 1);
        all.add(fence);
        all.addAll(List.of(args));
        try (Jedis jedis = redis.getResource()) {
            return (Long) script.run(jedis, keys, all);
        }
    }
}
