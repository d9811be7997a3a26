package cn.fangfei.security;

import java.util.List;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.Pool;

/**
 * Slows password guessing down to a few tries per lockout: per account (someone guessing one
 * password) and per network address (someone trying many accounts). Counters live in Redis, so every
 * instance counts the same tries; each wrong password restarts the lockout. The address is that of
 * the staff member's browser and is only used here, for staff logins.
 */
@Component
public class LoginThrottle {
    /** Longer names are no account's (see StaffAccounts), and they should not make long keys. */
    private static final int MAX_NAME_CHARS = 64;

    private final Pool<Jedis> redis;
    private final SecurityProperties properties;

    public LoginThrottle(Pool<Jedis> redis, SecurityProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Whether another try must be refused without even checking the password. */
    public boolean isLocked(String username, String address) {
        try (Jedis jedis = redis.getResource()) {
            List<String> counts = jedis.mget(SecurityKeys.failuresOfAccount(name(username)),
                    SecurityKeys.failuresOfAddress(address));
            return count(counts.get(0)) >= properties.loginMaxFailures()
                    || count(counts.get(1)) >= properties.loginMaxFailuresPerAddress();
        }
    }

    public void failed(String username, String address) {
        long seconds = properties.loginLockout().toSeconds();
        try (Jedis jedis = redis.getResource()) {
            Transaction tx = jedis.multi();
            tx.incr(SecurityKeys.failuresOfAccount(name(username)));
            tx.expire(SecurityKeys.failuresOfAccount(name(username)), seconds);
            tx.incr(SecurityKeys.failuresOfAddress(address));
            tx.expire(SecurityKeys.failuresOfAddress(address), seconds);
            tx.exec();
        }
    }

    /**
     * The account's count starts again after a good password. The address's does not: one valid
     * account must not reset the count of someone trying others from the same place.
     */
    public void succeeded(String username) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(SecurityKeys.failuresOfAccount(name(username)));
        }
    }

    /** Lets an administrator unlock an account before the lockout ends. */
    public void unlock(String username) {
        succeeded(username);
    }

    private static String name(String username) {
        String name = username == null ? "" : username;
        return name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name;
    }

    private static long count(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
