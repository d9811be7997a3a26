package cn.fangfei.tip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * The monthly ledger (台账) the plan asks to report upwards every month: counters per month, written in
 * the same script as the event they count, so they survive the purge of the tips themselves. A tip
 * counts as received in the month it came in, and as closed in the month of its verdict.
 */
@Component
public class Ledger {
    public static final String RECEIVED = "received";
    public static final String CLOSED = "closed";
    public static final String CLOSE_DAYS_SUM = "closed:days-sum";
    public static final String ESCALATED = "escalated";
    public static final String DEAD_LETTER = "dead-letter";

    /** Days from submission to verdict, in the buckets the ledger reports. */
    public static final List<String> DAY_BUCKETS = List.of("3天内", "4至7天", "8至30天", "30天以上");

    private final Pool<Jedis> redis;
    private final Clock clock;

    public Ledger(Pool<Jedis> redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public YearMonth monthOf(long epochMillis) {
        return YearMonth.from(Instant.ofEpochMilli(epochMillis).atZone(clock.getZone()));
    }

    public String keyOf(long epochMillis) {
        return TipKeys.ledger(monthOf(epochMillis));
    }

    static List<String> receivedFields(String category, Channel channel) {
        return List.of(RECEIVED, "received:category:" + category, "received:channel:" + channel.label());
    }

    /** Field → increment for a verdict; the day count is added to a sum for the average. */
    static Map<String, Long> closedFields(TipStatus verdict, String riskLabel, String category, Instant created, Instant closed) {
        long days = Duration.between(created, closed).toDays();
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put(CLOSED, 1L);
        fields.put("closed:status:" + verdict.label(), 1L);
        fields.put("closed:risk:" + riskLabel, 1L);
        fields.put("closed:category:" + category, 1L);
        fields.put("closed:days:" + dayBucket(days), 1L);
        fields.put(CLOSE_DAYS_SUM, days);
        return fields;
    }

    public static String dayBucket(long days) {
        if (days <= 3) {
            return DAY_BUCKETS.get(0);
        }
        if (days <= 7) {
            return DAY_BUCKETS.get(1);
        }
        return days <= 30 ? DAY_BUCKETS.get(2) : DAY_BUCKETS.get(3);
    }

    public Map<String, Long> counters(YearMonth month) {
        Map<String, String> raw;
        try (Jedis jedis = redis.getResource()) {
            raw = jedis.hgetAll(TipKeys.ledger(month));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        raw.forEach((field, value) -> out.put(field, Long.parseLong(value)));
        return out;
    }
}
