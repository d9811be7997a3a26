package cn.fangfei.faq;

import org.springframework.stereotype.Component;

import cn.fangfei.crypto.KeyedHash;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/**
 * Residents asked to describe a project after clicking 项目风险自测, for {@link FaqKeys#RISK_DESCRIPTION_TTL}:
 * their next message is the description. In Redis so any instance can take it.
 */
@Component
class RiskDescriptions {
    private final Pool<Jedis> redis;
    private final KeyedHash hashes;

    RiskDescriptions(Pool<Jedis> redis, KeyedHash hashes) {
        this.redis = redis;
        this.hashes = hashes;
    }

    void ask(String openid) {
        try (Jedis jedis = redis.getResource()) {
            jedis.set(key(openid), "1", SetParams.setParams().ex(FaqKeys.RISK_DESCRIPTION_TTL.toSeconds()));
        }
    }

    boolean pending(String openid) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.exists(key(openid));
        }
    }

    void close(String openid) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(key(openid));
        }
    }

    private String key(String openid) {
        return FaqKeys.riskDescription(hashes.hex(FaqKeys.CHAT_PURPOSE, openid));
    }
}
