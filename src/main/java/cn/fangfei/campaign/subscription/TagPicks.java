package cn.fangfei.campaign.subscription;

import java.time.Clock;

import org.springframework.stereotype.Component;

import cn.fangfei.redis.CoarseExpiry;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/** The numbered interest list offered after 订阅提醒, waiting in Redis so any instance can take the answer. */
@Component
class TagPicks {
    private final Pool<Jedis> redis;
    private final Subscribers subscribers;
    private final Clock clock;

    TagPicks(Pool<Jedis> redis, Subscribers subscribers, Clock clock) {
        this.redis = redis;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    /** Ends on a whole minute, so that the expiry does not date the resident's message to the millisecond. */
    void offer(String openid) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(subscribers.tagPickKey(openid), "1",
                    SetParams.setParams().px(CoarseExpiry.millis(clock, SubscriptionKeys.TAG_PICK_TTL)));
        }
    }

    boolean pending(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.exists(subscribers.tagPickKey(openid));
        }
    }

    void close(String openid) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(subscribers.tagPickKey(openid));
        }
    }
}
