package cn.fangfei.campaign.subscription;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/** The numbered interest list offered after 订阅提醒, waiting in Redis so any instance can take the answer. */
@Component
class TagPicks {
    private final Pool<Jedis> redis;

    TagPicks(Pool<Jedis> redis) {
        this.redis = redis;
    }

    void offer(String openid) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(SubscriptionKeys.tagPick(openid), "1", SetParams.setParams().ex(SubscriptionKeys.TAG_PICK_TTL.toSeconds()));
        }
    }

    boolean pending(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.exists(SubscriptionKeys.tagPick(openid));
        }
    }

    void close(String openid) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(SubscriptionKeys.tagPick(openid));
        }
    }
}
