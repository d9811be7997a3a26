package cn.fangfei.wechat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import cn.fangfei.redis.RedisLock;
import me.chanjar.weixin.common.redis.JedisWxRedisOps;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * WxJava's Jedis storage, made to work with Jedis 7. WxJava 4.7.9.B was compiled against an older
 * Jedis whose ttl and pexpire returned Long (now long), so calling its versions fails with
 * NoSuchMethodError; and its lock needs the jedis-lock library, which WxJava leaves out of its
 * dependencies. Reading and writing values are inherited unchanged.
 */
final class SharedWxRedisOps extends JedisWxRedisOps {
    private final Pool<Jedis> redis;

    SharedWxRedisOps(Pool<Jedis> redis) {
        super(redis);
        this.redis = redis;
    }

    @Override
    public Long getExpire(String key) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.ttl(key);
        }
    }

    @Override
    public void expire(String key, int expire, TimeUnit timeUnit) {
        try (Jedis jedis = redis.getResource()) {
            jedis.pexpire(key, timeUnit.toMillis(expire));
        }
    }

    @Override
    public Lock getLock(String key) {
        return new RedisLock(redis, key, WechatKeys.TOKEN_LOCK_LEASE);
    }
}
