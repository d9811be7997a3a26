package cn.fangfei.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA (EVALSHA), sent in full only when the server does not know it yet (after
 * a restart or a flush). Several keys then change together or not at all.
 */
public final class RedisScript {
    private final String source;
    private final String sha;

    public RedisScript(String source) {
        this.source = source;
        this.sha = sha1Hex(source.getBytes(StandardCharsets.UTF_8));
    }

    /** For scripts whose keys and arguments are text; bulk replies come back as Strings. */
    public Object run(Jedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source, keys, args);
        }
    }

    /** For scripts that take binary arguments (sealed attachments); bulk replies come back as byte[]. */
    public Object runBinary(Jedis jedis, List<byte[]> keys, List<byte[]> args) {
        try {
            return jedis.evalsha(sha.getBytes(StandardCharsets.US_ASCII), keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source.getBytes(StandardCharsets.UTF_8), keys, args);
        }
    }

    private static String sha1Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
