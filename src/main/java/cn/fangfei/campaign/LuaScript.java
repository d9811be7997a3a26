package cn.fangfei.campaign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A Lua script run by its SHA-1 (EVALSHA), loaded on first use or after Redis lost it. The sender runs
 * two scripts per recipient, so sending the script text every time would cost more than the work.
 * Scripts address keys built from prefixes they are given, which a single Redis (as this app uses) allows.
 */
final class LuaScript {
    private final String source;
    private final String sha;

    LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    Object run(Jedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source, keys, args);
        }
    }

    long runLong(Jedis jedis, List<String> keys, List<String> args) {
        return (Long) run(jedis, keys, args);
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(SafeEncoder.encode(text));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
