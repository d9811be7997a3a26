package cn.fangfei.tip.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import cn.fangfei.redis.CoarseExpiry;
import cn.fangfei.redis.RedisScript;
import cn.fangfei.tip.TipKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Conversations in Redis, under a keyed hash of the openid, for {@link TipKeys#CHAT_TTL} after the
 * resident's last message, rounded up to a whole minute (the expiry is kept in the AOF as an absolute
 * time, which would otherwise date each message to the millisecond). A draft's images live beside it
 * and expire with it.
 */
@Component
class ChatStates {
    private static final String PURPOSE = "tip-chat";

    /** KEYS state; ARGV limit: counts one more image unless the limit is reached; returns the new count or 0. */
    private static final RedisScript COUNT_IMAGE = new RedisScript("""
            local images = tonumber(redis.call('hget', KEYS[1], 'images') or '0')
            if redis.call('exists', KEYS[1]) == 0 or images >= tonumber(ARGV[1]) then return 0 end
            return redis.call('hincrby', KEYS[1], 'images', 1)
            """);

    /**
     * KEYS state, draft files, tip; ARGV ttl, fresh, then field/value pairs. The image count is only
     * ever changed by {@link #countImage}, so a step saved meanwhile cannot undo it. The draft's images
     * get the same TTL, unless a tip of that id exists (then they are evidence and never expire).
     */
    private static final RedisScript SAVE = new RedisScript("""
            if ARGV[2] == '1' then redis.call('del', KEYS[1]) end
            redis.call('hset', KEYS[1], unpack(ARGV, 3))
            redis.call('hsetnx', KEYS[1], 'images', '0')
            redis.call('pexpire', KEYS[1], ARGV[1])
            if #KEYS == 3 and redis.call('exists', KEYS[3]) == 0 then
              redis.call('pexpire', KEYS[2], ARGV[1])
            end
            return 1
            """);

    /** KEYS state, draft files, tip: the images go only if no tip of that id exists. */
    private static final RedisScript DELETE = new RedisScript("""
            redis.call('del', KEYS[1])
            if #KEYS == 3 and redis.call('exists', KEYS[3]) == 0 then
              redis.call('del', KEYS[2])
            end
            return 1
            """);

    private final Pool<Jedis> redis;
    private final KeyedHash hashes;
    private final Clock clock;

    ChatStates(Pool<Jedis> redis, KeyedHash hashes, Clock clock) {
        this.redis = redis;
        this.hashes = hashes;
        this.clock = clock;
    }

    String key(String openid) {
        return TipKeys.chat(hashes.hex(PURPOSE, openid));
    }

    boolean exists(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.exists(key(openid));
        }
    }

    Optional<ChatState> find(String openid) {
        Map<String, String> hash;
        try (Jedis jedis = redis.getResource()) {
            hash = jedis.hgetAll(key(openid));
        }
        return hash.isEmpty() ? Optional.empty() : Optional.of(ChatState.fromHash(hash));
    }

    /** Starts a conversation, replacing any other of this resident. */
    void start(String openid, ChatState state) {
        write(openid, state, true);
    }

    /** Saves the next step and restarts the TTL of the state and of the draft's images. */
    void save(String openid, ChatState state) {
        write(openid, state, false);
    }

    private void write(String openid, ChatState state, boolean fresh) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(CoarseExpiry.millis(clock, TipKeys.CHAT_TTL)));
        args.add(fresh ? "1" : "0");
        state.toHash().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        try (Jedis jedis = redis.getResource()) {
            SAVE.run(jedis, keys(openid, state), args);
        }
    }

    /** Counts an image against the limit; the new count, or 0 when the limit was reached. */
    long countImage(String openid, int limit) {
        try (Jedis jedis = redis.getResource()) {
            return (Long) COUNT_IMAGE.run(jedis, List.of(key(openid)), List.of(Integer.toString(limit)));
        }
    }

    /** Ends a conversation; a cancelled draft's images go with it. */
    void delete(String openid, ChatState state) {
        try (Jedis jedis = redis.getResource()) {
            DELETE.run(jedis, keys(openid, state), List.of());
        }
    }

    private List<String> keys(String openid, ChatState state) {
        return state.mode() == ChatState.Mode.NEW
                ? List.of(key(openid), TipKeys.files(state.tipId()), TipKeys.tip(state.tipId()))
                : List.of(key(openid));
    }
}
