package cn.fangfei.campaign.subscription;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Residents who asked for reminders, and the interest tags they picked, in Redis. Every change of
 * several keys is one Lua script, so a subscriber is never half in and half out. Each change also
 * marks the resident for the WeChat user-tag sync that mass sends by tag rely on.
 */
@Component
public class Subscribers {
    private static final String TAG_PREFIX = SubscriptionKeys.tag("");

    /** KEYS: subscribers, subscriber hash, active, wx dirty. ARGV: openid, hour, active member. Returns 1 for a new subscriber. */
    private static final RedisScript SUBSCRIBE = new RedisScript("""
            local added = redis.call('sadd', KEYS[1], ARGV[1])
            if added == 1 then
              redis.call('hset', KEYS[2], 'tags', '')
              redis.call('hincrby', KEYS[4], ARGV[1], 1)
            end
            redis.call('zadd', KEYS[3], ARGV[2], ARGV[3])
            return added""");

    /** KEYS: subscribers, subscriber hash, wx dirty. ARGV: openid, tag key prefix, tag ids (comma). 0 if not subscribed. */
    private static final RedisScript SET_TAGS = new RedisScript("""
            if redis.call('sismember', KEYS[1], ARGV[1]) == 0 then return 0 end
            local old = redis.call('hget', KEYS[2], 'tags')
            if old then
              for tag in string.gmatch(old, '[^,]+') do redis.call('srem', ARGV[2] .. tag, ARGV[1]) end
            end
            for tag in string.gmatch(ARGV[3], '[^,]+') do redis.call('sadd', ARGV[2] .. tag, ARGV[1]) end
            redis.call('hset', KEYS[2], 'tags', ARGV[3])
            redis.call('hincrby', KEYS[3], ARGV[1], 1)
            return 1""");

    /** KEYS: subscribers, subscriber hash, active, wx dirty, tag pick. ARGV: openid, tag key prefix, active members. 0 if not subscribed. */
    private static final RedisScript UNSUBSCRIBE = new RedisScript("""
            redis.call('del', KEYS[5])
            if redis.call('srem', KEYS[1], ARGV[1]) == 0 then return 0 end
            local tags = redis.call('hget', KEYS[2], 'tags')
            if tags then
              for tag in string.gmatch(tags, '[^,]+') do redis.call('srem', ARGV[2] .. tag, ARGV[1]) end
            end
            redis.call('del', KEYS[2])
            redis.call('zrem', KEYS[3], unpack(ARGV, 3))
            redis.call('hincrby', KEYS[4], ARGV[1], 1)
            return 1""");

    /**
     * KEYS: subscribers, active, tag pick. ARGV: openid, hour, "1" to keep a pending tag pick, active member.
     * Within one hour the score doesn't change, so Redis writes (and the AOF logs) nothing.
     */
    private static final RedisScript ACTIVITY = new RedisScript("""
            if ARGV[3] ~= '1' then redis.call('del', KEYS[3]) end
            if redis.call('sismember', KEYS[1], ARGV[1]) == 1 then
              redis.call('zadd', KEYS[2], ARGV[2], ARGV[4])
              return 1
            end
            return 0""");

    private final Pool<Jedis> redis;
    private final Clock clock;
    private final KeyedHash hashes;

    public Subscribers(Pool<Jedis> redis, Clock clock, KeyedHash hashes) {
        this.redis = redis;
        this.clock = clock;
        this.hashes = hashes;
    }

    /** Subscribes (again); true if the resident was not subscribed before. */
    public boolean subscribe(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return (Long) SUBSCRIBE.run(jedis, List.of(SubscriptionKeys.SUBSCRIBERS, SubscriptionKeys.subscriber(openid),
                    SubscriptionKeys.ACTIVE, SubscriptionKeys.WX_DIRTY), List.of(openid, hour(), activeMember(openid))) == 1;
        }
    }

    /** Replaces the interest tags; false if the resident is not subscribed. */
    public boolean setTags(String openid, List<String> tagIds) {
        try (Jedis jedis = redis.getResource()) {
            return (Long) SET_TAGS.run(jedis, List.of(SubscriptionKeys.SUBSCRIBERS, SubscriptionKeys.subscriber(openid),
                    SubscriptionKeys.WX_DIRTY), List.of(openid, TAG_PREFIX, String.join(",", tagIds))) == 1;
        }
    }

    /** Removes everything about the subscription; false if there was none. */
    public boolean unsubscribe(String openid) {
        List<String> args = new ArrayList<>(List.of(openid, TAG_PREFIX));
        args.addAll(hashes.hexUnderEveryKey(SubscriptionKeys.ACTIVE_PURPOSE, openid));
        try (Jedis jedis = redis.getResource()) {
            return (Long) UNSUBSCRIBE.run(jedis, List.of(SubscriptionKeys.SUBSCRIBERS, SubscriptionKeys.subscriber(openid),
                    SubscriptionKeys.ACTIVE, SubscriptionKeys.WX_DIRTY, tagPickKey(openid)), args) == 1;
        }
    }

    /**
     * Notes the hour the resident wrote (for subscribers only: the 48-hour customer-service window), and
     * ends a pending interest choice unless this message may be its answer.
     */
    public void recordActivity(String openid, boolean keepTagPick) {
        try (Jedis jedis = redis.getResource()) {
            ACTIVITY.run(jedis, List.of(SubscriptionKeys.SUBSCRIBERS, SubscriptionKeys.ACTIVE, tagPickKey(openid)),
                    List.of(openid, hour(), keepTagPick ? "1" : "0", activeMember(openid)));
        }
    }

    /** The key of a resident's pending interest choice (see {@link TagPicks}). */
    String tagPickKey(String openid) {
        return SubscriptionKeys.tagPick(hashes.hex(SubscriptionKeys.TAG_PICK_PURPOSE, openid));
    }

    public List<String> tagsOf(String openid) {
        try (Jedis jedis = redis.getResource()) {
            String tags = jedis.hget(SubscriptionKeys.subscriber(openid), "tags");
            return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
        }
    }

    /**
     * Forgets residents who have not written for 48 hours: customer-service messages cannot reach them.
     * Times are whole hours, so a resident is forgotten up to an hour early, never late.
     */
    public long trimInactive() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.zremrangeByScore(SubscriptionKeys.ACTIVE, Double.NEGATIVE_INFINITY,
                    clock.millis() - SubscriptionKeys.ACTIVE_WINDOW.toMillis());
        }
    }

    /** The Redis sets that make up an audience: every subscriber, or the sets of its interest tags. */
    static List<String> audienceKeys(List<String> tagIds) {
        if (tagIds.isEmpty()) {
            return List.of(SubscriptionKeys.SUBSCRIBERS);
        }
        List<String> keys = new ArrayList<>();
        tagIds.forEach(tag -> keys.add(SubscriptionKeys.tag(tag)));
        return keys;
    }

    /** Streams an audience page by page: memory stays flat however many subscribers there are. */
    public AudienceScan scan(List<String> tagIds, int pageSize) {
        return new AudienceScan(redis, audienceKeys(tagIds), pageSize);
    }

    /** The number of distinct residents in an audience, counted without loading them all. */
    public long count(List<String> tagIds) {
        List<String> keys = audienceKeys(tagIds);
        if (keys.size() == 1) {
            try (Jedis jedis = redis.getResource()) {
                return jedis.scard(keys.get(0));
            }
        }
        long count = 0;
        AudienceScan scan = scan(tagIds, 1000);
        for (List<String> page = scan.next(); page != null; page = scan.next()) {
            count += page.size();
        }
        return count;
    }

    /**
     * Of these residents, the ones who wrote within the last 48 hours. Each is looked up under every
     * configured data key, so that a key rotation does not silence the residents who wrote before it.
     */
    public List<String> activeAmong(List<String> openids) {
        if (openids.isEmpty()) {
            return List.of();
        }
        long since = clock.millis() - SubscriptionKeys.ACTIVE_WINDOW.toMillis();
        List<List<String>> members = openids.stream()
                .map(openid -> hashes.hexUnderEveryKey(SubscriptionKeys.ACTIVE_PURPOSE, openid)).toList();
        List<Double> scores;
        try (Jedis jedis = redis.getResource()) {
            scores = jedis.zmscore(SubscriptionKeys.ACTIVE, members.stream().flatMap(List::stream).toArray(String[]::new));
        }
        List<String> active = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < openids.size(); i++) {
            boolean recent = false;
            for (int k = 0; k < members.get(i).size(); k++, next++) {
                Double score = scores.get(next);
                recent |= score != null && score >= since;
            }
            if (recent) {
                active.add(openids.get(i));
            }
        }
        return active;
    }

    private String activeMember(String openid) {
        return hashes.hex(SubscriptionKeys.ACTIVE_PURPOSE, openid);
    }

    /** The start of the current hour, in epoch millis. */
    private String hour() {
        long precision = SubscriptionKeys.ACTIVE_PRECISION.toMillis();
        return Long.toString(clock.millis() / precision * precision);
    }
}
