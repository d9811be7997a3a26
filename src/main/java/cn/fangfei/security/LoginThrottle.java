package cn.fangfei.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.Pool;

/**
 * Slows password guessing down without letting an outsider lock a staff member out. Three scopes:
 * <ul>
 * <li>one account from one address: after a few wrong passwords each further try waits twice as long
 * as the last (2 s, 4 s, … up to a cap). Only that pair waits: the right person on another address
 * logs in at once, so nobody can hold an account closed by guessing at it;</li>
 * <li>one address, whatever the account: someone trying many accounts is refused for a while;</li>
 * <li>one account from everywhere (many addresses guessing one password): every check waits a moment
 * first. It never refuses, so it cannot be used to shut the account.</li>
 * </ul>
 * Everything lives in Redis, so every instance counts the same tries, and is forgotten a while after
 * the last wrong password. The address is that of the staff member's browser and is only used here.
 */
@Component
public class LoginThrottle {
    /** Longer names are no account's (see StaffAccounts), and they should not make long keys. */
    private static final int MAX_NAME_CHARS = 64;
    private static final String COUNT = ":count";
    private static final String UNTIL = ":until";

    private final Pool<Jedis> redis;
    private final SecurityProperties properties;
    private final Clock clock;

    public LoginThrottle(Pool<Jedis> redis, SecurityProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long this account must wait before its password is checked again from this address, if at all. */
    public Optional<Duration> waitBeforeTry(String username, String address) {
        String account = name(username);
        try (Jedis jedis = redis.getResource()) {
            List<String> until = jedis.hmget(SecurityKeys.loginFailuresOfAccount(account), address + UNTIL);
            String addressCount = jedis.get(SecurityKeys.failuresOfAddress(address));
            if (count(addressCount) >= properties.loginMaxFailuresPerAddress()) {
                return Optional.of(Duration.ofSeconds(Math.max(1, jedis.ttl(SecurityKeys.failuresOfAddress(address)))));
            }
            long left = count(until.get(0)) - clock.millis();
            return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
        }
    }

    /**
     * The pause before checking a password for an account many addresses have been guessing at. It
     * slows a spread-out guesser down to a few tries a second in all, and only delays the right person.
     */
    public Duration pauseBeforeCheck(String username) {
        try (Jedis jedis = redis.getResource()) {
            String total = jedis.hget(SecurityKeys.loginFailuresOfAccount(name(username)), "total");
            return count(total) >= properties.loginSlowAfterAccountFailures() ? properties.loginAccountPause()
                    : Duration.ZERO;
        }
    }

    public void failed(String username, String address) {
        String account = SecurityKeys.loginFailuresOfAccount(name(username));
        long forget = properties.loginForgetAfter().toSeconds();
        try (Jedis jedis = redis.getResource()) {
            long failures = jedis.hincrBy(account, address + COUNT, 1);
            Transaction tx = jedis.multi();
            tx.hincrBy(account, "total", 1);
            long free = properties.loginFreeFailures();
            if (failures >= free) {
                long seconds = Math.min(properties.loginMaxDelay().toSeconds(),
                        1L << Math.min(30, failures - free + 1));
                tx.hset(account, address + UNTIL, Long.toString(clock.millis() + seconds * 1000));
            }
            tx.expire(account, forget);
            tx.incr(SecurityKeys.failuresOfAddress(address));
            tx.expire(SecurityKeys.failuresOfAddress(address), properties.loginLockout().toSeconds());
            tx.exec();
        }
    }

    /**
     * The account's counts start again after a good password. The address's do not: one valid
     * account must not reset the count of someone trying others from the same place.
     */
    public void succeeded(String username) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(SecurityKeys.loginFailuresOfAccount(name(username)));
        }
    }

    /** Lets an administrator lift the waits of an account at once. */
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
