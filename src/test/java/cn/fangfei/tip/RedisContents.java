package cn.fangfei.tip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.util.Pool;

/** Looks at what the app left in Redis, the way an intruder with a copy of the database would. */
public final class RedisContents {
    private static final Pattern RECEIPT = Pattern.compile("(\\d{4} \\d{4} \\d{4} \\d{4})");

    private RedisContents() {
    }

    public static List<String> keys(Pool<Jedis> redis, String pattern) {
        TreeSet<String> keys = new TreeSet<>();
        try (Jedis jedis = redis.getResource()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(pattern).count(1000));
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return List.copyOf(keys);
    }

    /** Tip ids in the review stream, in order, one per entry (duplicates included). */
    public static List<String> streamTipIds(Pool<Jedis> redis) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.xrange(TipKeys.STREAM, (StreamEntryID) null, (StreamEntryID) null).stream()
                    .map(StreamEntry::getFields).map(fields -> fields.get("tip")).toList();
        }
    }

    /** Every key with every value, as text (binary values decoded leniently): what a scan for secrets reads. */
    public static String dump(Pool<Jedis> redis) {
        StringBuilder out = new StringBuilder();
        try (Jedis jedis = redis.getResource()) {
            for (String key : keys(redis, "*")) {
                out.append(key).append('\n');
                byte[] k = key.getBytes(StandardCharsets.UTF_8);
                switch (jedis.type(key)) {
                    case "string" -> append(out, jedis.get(k));
                    case "hash" -> jedis.hgetAll(k).forEach((f, v) -> {
                        append(out, f);
                        append(out, v);
                    });
                    case "list" -> jedis.lrange(k, 0, -1).forEach(v -> append(out, v));
                    case "set" -> jedis.smembers(k).forEach(v -> append(out, v));
                    case "zset" -> jedis.zrange(k, 0, -1).forEach(v -> append(out, v));
                    case "stream" -> jedis.xrange(key, (StreamEntryID) null, (StreamEntryID) null)
                            .forEach(e -> out.append(e.getFields()).append('\n'));
                    default -> out.append("(type ").append(jedis.type(key)).append(")\n");
                }
            }
        }
        return out.toString();
    }

    /** The receipt code in a reply or page, as 16 digits. */
    public static String receiptIn(String text) {
        Matcher matcher = RECEIPT.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no receipt code in: " + text);
        }
        return matcher.group(1).replace(" ", "");
    }

    public static Map<String, String> tipHash(Pool<Jedis> redis, String id) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.hgetAll(TipKeys.tip(id));
        }
    }

    public static List<byte[]> files(Pool<Jedis> redis, String id) {
        try (Jedis jedis = redis.getResource()) {
            return new ArrayList<>(jedis.lrange(TipKeys.files(id).getBytes(StandardCharsets.UTF_8), 0, -1));
        }
    }

    private static void append(StringBuilder out, byte[] value) {
        out.append(new String(value, StandardCharsets.UTF_8)).append('\n');
        // Also as Latin-1, so that text hidden in binary values is found whatever its alignment.
        out.append(new String(value, StandardCharsets.ISO_8859_1)).append('\n');
    }
}
