package cn.fangfei.faq;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/** The "您是不是想问" choices offered to each resident, kept in Redis so any instance can take the reply. */
@Component
class PendingPicks {
    private final Pool<Jedis> redis;
    private final KeyedHash hashes;

    PendingPicks(Pool<Jedis> redis, KeyedHash hashes) {
        this.redis = redis;
        this.hashes = hashes;
    }

    void offer(String openid, List<String> topicIds) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(key(openid), String.join(",", topicIds), SetParams.setParams().ex(FaqKeys.PICK_TTL.toSeconds()));
        }
    }

    /** The topic picked by number (1-based), consuming the offer; empty when nothing was offered or it expired. */
    Optional<String> take(String openid, int number) {
        String offered;
        try (Jedis jedis = redis.getResource()) {
            offered = jedis.getDel(key(openid));
        }
        if (offered == null) {
            return Optional.empty();
        }
        List<String> ids = Arrays.asList(offered.split(","));
        return number >= 1 && number <= ids.size() ? Optional.of(ids.get(number - 1)) : Optional.empty();
    }

    private String key(String openid) {
        return FaqKeys.pick(hashes.hex(FaqKeys.CHAT_PURPOSE, openid));
    }
}
