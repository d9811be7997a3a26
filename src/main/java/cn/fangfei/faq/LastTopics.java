package cn.fangfei.faq;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/**
 * The topic last answered to each resident, for {@link FaqKeys#LAST_TOPIC_TTL}: residents ask "那怎么办"
 * or "能追回吗" right after an answer and mean that topic. In Redis so any instance can read it.
 */
@Component
class LastTopics {
    private final Pool<Jedis> redis;
    private final KeyedHash hashes;

    LastTopics(Pool<Jedis> redis, KeyedHash hashes) {
        this.redis = redis;
        this.hashes = hashes;
    }

    void remember(String openid, String topicId) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(key(openid), topicId, SetParams.setParams().ex(FaqKeys.LAST_TOPIC_TTL.toSeconds()));
        }
    }

    Optional<String> recall(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return Optional.ofNullable(jedis.get(key(openid)));
        }
    }

    private String key(String openid) {
        return FaqKeys.lastTopic(hashes.hex(FaqKeys.CHAT_PURPOSE, openid));
    }
}
