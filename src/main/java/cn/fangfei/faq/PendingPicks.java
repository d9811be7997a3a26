package cn.fangfei.faq;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/** The "您是不是想问" choices offered to each resident, kept in Redis so any instance can take the reply. */
@Component
class PendingPicks {
    private final Pool<Jedis> redis;

    PendingPicks(Pool<Jedis> redis) {
        this.redis = redis;
    }

    void offer(String openid, List<String> topicIds) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(FaqKeys.pick(openid), String.join(",", topicIds),
                    SetParams.setParams().ex(FaqKeys.PICK_TTL.toSeconds()));
        }
    }

    /** The topic picked by number (1-based), consuming the offer; empty when nothing was offered or it expired. */
    Optional<String> take(String openid, int number) {
        String offered;
        try (Jedis jedis = redis.getResource()) {
            offered = jedis.getDel(FaqKeys.pick(openid));
        }
        if (offered == null) {
            return Optional.empty();
        }
        List<String> ids = Arrays.asList(offered.split(","));
        return number >= 1 && number <= ids.size() ? Optional.of(ids.get(number - 1)) : Optional.empty();
    }
}
