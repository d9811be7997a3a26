package cn.fangfei.tip;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.fangfei.redis.OncePerPeriod;
import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Deletes closed tips once their retention has passed: the record, history, messages, files, receipt
 * and queue entry. The ledger counters they added to stay, so monthly figures never change afterwards.
 */
@Component
public class RetentionPurge {
    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /** KEYS tip, history, messages, files, closed set, stream, then receipt keys; ARGV id. */
    private static final RedisScript PURGE = new RedisScript("""
            if redis.call('hexists', KEYS[1], 'closed') == 0 then
              redis.call('zrem', KEYS[5], ARGV[1])
              return 0
            end
            local entry = redis.call('hget', KEYS[1], 'entry')
            if entry and entry ~= '' then redis.call('xdel', KEYS[6], entry) end
            for i = 7, #KEYS do redis.call('del', KEYS[i]) end
            redis.call('del', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
            redis.call('zrem', KEYS[5], ARGV[1])
            return 1
            """);

    private final Pool<Jedis> redis;
    private final OncePerPeriod daily;
    private final TipProperties properties;
    private final Clock clock;

    public RetentionPurge(Pool<Jedis> redis, TipProperties properties, Clock clock) {
        this.redis = redis;
        this.daily = new OncePerPeriod(redis);
        this.properties = properties;
        this.clock = clock;
    }

    /** Once a day, by whichever instance gets there first. */
    @Scheduled(cron = "#{@'fangfei.tip-cn.fangfei.tip.TipProperties'.purgeCron()}", zone = "#{@clock.zone.id}")
    void daily() {
        if (!daily.claim(TipKeys.purgeRan(LocalDate.now(clock)), TipKeys.DAILY_MARKER_TTL)) {
            return;
        }
        int purged = purge(clock.instant());
        log.info("retention purge: {} closed tips older than {} deleted", purged, properties.retention());
    }

    /** Deletes tips closed before {@code now} minus the retention; returns how many. */
    public int purge(Instant now) {
        long cutoff = now.minus(properties.retention()).toEpochMilli();
        int purged = 0;
        try (Jedis jedis = redis.getResource()) {
            for (String id : jedis.zrangeByScore(TipKeys.CLOSED, "-inf", Long.toString(cutoff))) {
                String receipts = jedis.hget(TipKeys.tip(id), "receipts");
                List<String> keys = new ArrayList<>(List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.messages(id),
                        TipKeys.files(id), TipKeys.CLOSED, TipKeys.STREAM));
                if (receipts != null) {
                    Arrays.stream(receipts.strip().split("\\s+")).filter(h -> !h.isEmpty()).map(TipKeys::receipt).forEach(keys::add);
                }
                if (Long.valueOf(1).equals(PURGE.run(jedis, keys, List.of(id)))) {
                    purged++;
                }
            }
        }
        return purged;
    }
}
