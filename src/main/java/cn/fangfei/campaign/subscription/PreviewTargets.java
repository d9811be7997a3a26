package cn.fangfei.campaign.subscription;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.Pool;

/**
 * Each editor's own WeChat, where previews go. An editor gets a short-lived code in the console and
 * sends "预览绑定 <code>" to the account from their phone; the openid comes from WeChat, so nobody types
 * (or mistypes) one, and a preview never reaches a resident.
 */
@Component
public class PreviewTargets {
    public static final String COMMAND = "预览绑定";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool<Jedis> redis;

    public PreviewTargets(Pool<Jedis> redis) {
        this.redis = redis;
    }

    /** A new six-digit code for this editor, valid for SubscriptionKeys.PREVIEW_CODE_TTL. */
    public String newCode(String username) {
        try (Jedis jedis = redis.getResource()) {
            while (true) {
                String code = String.format("%06d", RANDOM.nextInt(1_000_000));
                if ("OK".equals(jedis.set(SubscriptionKeys.previewCode(code), username,
                        SetParams.setParams().nx().ex(SubscriptionKeys.PREVIEW_CODE_TTL.toSeconds())))) {
                    return code;
                }
            }
        }
    }

    /** Binds the sender's openid to the editor who asked for the code; false for an unknown or used code. */
    boolean bind(String code, String openid) {
        try (Jedis jedis = redis.getResource()) {
            String username = jedis.getDel(SubscriptionKeys.previewCode(code));
            if (username == null) {
                return false;
            }
            jedis.hset(SubscriptionKeys.PREVIEW_OPENIDS, username, openid);
            return true;
        }
    }

    public Optional<String> openidOf(String username) {
        try (Jedis jedis = redis.getResource()) {
            return Optional.ofNullable(jedis.hget(SubscriptionKeys.PREVIEW_OPENIDS, username));
        }
    }
}
