package cn.fangfei.tip;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;
import redis.clients.jedis.util.Pool;

/**
 * The review queue on a Redis stream with one consumer group; each reviewer is a consumer under their
 * username. A claim first takes back a tip whose claim went untouched past the idle time (the reviewer
 * left or fell ill: XAUTOCLAIM), then the oldest tip nobody has had (XREADGROUP). A verdict
 * acknowledges the entry (see {@link TipReview}). A tip handed out more than the configured number of
 * times goes to the dead-letter stream with an alert instead of going round again.
 */
@Component
public class TipQueue {
    private static final Logger log = LoggerFactory.getLogger(TipQueue.class);
    /** Entries of closed or moved tips met on the way are acknowledged and skipped; this bounds one claim's work. */
    private static final int MAX_SKIPS = 100;

    private static final RedisScript MARK_CLAIMED = new RedisScript("""
            if redis.call('exists', KEYS[1]) == 0 or redis.call('hexists', KEYS[1], 'closed') == 1 then
              return 0
            end
            redis.call('hset', KEYS[1], 'assignee', ARGV[1], 'updated', ARGV[2])
            if redis.call('hget', KEYS[1], 'status') == ARGV[4] then
              redis.call('hset', KEYS[1], 'status', ARGV[5])
            end
            redis.call('rpush', KEYS[2], ARGV[3])
            return 1
            """);

    private static final RedisScript DEAD_LETTER = new RedisScript("""
            redis.call('xadd', KEYS[2], '*', 'tip', ARGV[3], 'entry', ARGV[2], 'deliveries', ARGV[4], 'at', ARGV[5])
            redis.pcall('xack', KEYS[1], ARGV[1], ARGV[2])
            redis.call('hset', KEYS[3], 'dead', '1', 'updated', ARGV[5])
            redis.call('hdel', KEYS[3], 'assignee')
            redis.call('rpush', KEYS[4], ARGV[6])
            if ARGV[7] ~= '' then
              redis.call('zadd', KEYS[5], ARGV[5], ARGV[7])
            end
            redis.call('hincrby', KEYS[6], ARGV[8], 1)
            return 1
            """);

    private final Pool<Jedis> redis;
    private final TipStore store;
    private final TipProperties.Queue settings;
    private final MailOutbox outbox;
    private final Ledger ledger;
    private final Clock clock;

    public TipQueue(Pool<Jedis> redis, TipStore store, TipProperties properties, MailOutbox outbox, Ledger ledger,
            Clock clock) {
        this.redis = redis;
        this.store = store;
        this.settings = properties.queue();
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One delivery of an entry to a reviewer. */
    private record Delivery(StreamEntryID entry, String tipId, long deliveries, boolean fresh) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void createGroup() {
        try {
            ensureGroup();
        } catch (JedisException e) {
            log.warn("could not create the reviewers' consumer group yet ({}); it is created on first claim",
                    e.getClass().getSimpleName());
        }
    }

    /** The next tip for this reviewer, now assigned to them; empty when nothing waits. */
    public Optional<TipRecord> claimNext(String reviewer) {
        for (int skipped = 0; skipped < MAX_SKIPS; skipped++) {
            Optional<Delivery> next = abandoned(reviewer).or(() -> fresh(reviewer));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Delivery delivery = next.get();
            Optional<TipRecord> tip = store.find(delivery.tipId());
            if (tip.isEmpty() || tip.get().isClosed() || !tip.get().entry().equals(delivery.entry().toString())) {
                acknowledge(delivery.entry());
                continue;
            }
            if (delivery.deliveries() > settings.maxDeliveries()) {
                deadLetter(tip.get(), delivery);
                continue;
            }
            Optional<String> holder = tip.get().assignee();
            if (delivery.fresh() && holder.isPresent() && !holder.get().equals(reviewer)) {
                // Someone already acted on this tip before anyone claimed it: it stays theirs.
                moveClaim(delivery.entry().toString(), holder.get());
                continue;
            }
            if (markClaimed(tip.get(), reviewer, delivery)) {
                return store.find(delivery.tipId());
            }
        }
        return Optional.empty();
    }

    /**
     * Makes the reviewer the holder of the tip's entry and restarts its idle time without counting a
     * delivery: whoever works on a tip keeps it. Nothing happens for an entry not handed out yet.
     */
    public void touch(TipRecord tip, String reviewer) {
        if (!tip.entry().isEmpty() && !tip.dead()) {
            moveClaim(tip.entry(), reviewer);
        }
    }

    void acknowledge(StreamEntryID entry) {
        try (Jedis jedis = redis.getResource()) {
            jedis.xack(TipKeys.STREAM, TipKeys.GROUP, entry);
        }
    }

    void ensureGroup() {
        try (Jedis jedis = redis.getResource()) {
            jedis.xgroupCreate(TipKeys.STREAM, TipKeys.GROUP, new StreamEntryID(0, 0), true);
            log.info("created the consumer group {} on {}", TipKeys.GROUP, TipKeys.STREAM);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * The first claim idle past the limit, taken over by this reviewer. XAUTOCLAIM looks at a bounded
     * number of pending entries per call, so the scan follows its cursor through the whole list.
     */
    private Optional<Delivery> abandoned(String reviewer) {
        StreamEntryID cursor = new StreamEntryID(0, 0);
        for (int page = 0; page < MAX_SKIPS; page++) {
            StreamEntryID from = cursor;
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = withGroup(jedis -> jedis.xautoclaim(TipKeys.STREAM,
                    TipKeys.GROUP, reviewer, settings.claimIdle().toMillis(), from,
                    XAutoClaimParams.xAutoClaimParams().count(1)));
            Optional<StreamEntry> entry = claimed.getValue().stream().filter(e -> e != null).findFirst();
            if (entry.isPresent()) {
                return Optional.of(new Delivery(entry.get().getID(), entry.get().getFields().get("tip"),
                        deliveries(entry.get().getID()), false));
            }
            cursor = claimed.getKey();
            if (cursor == null || cursor.equals(new StreamEntryID(0, 0))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private long deliveries(StreamEntryID entry) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.xpending(TipKeys.STREAM, TipKeys.GROUP, XPendingParams.xPendingParams(entry, entry, 1))
                    .stream().findFirst().map(StreamPendingEntry::getDeliveredTimes).orElse(1L);
        }
    }

    private Optional<Delivery> fresh(String reviewer) {
        List<Map.Entry<String, List<StreamEntry>>> read = withGroup(jedis -> jedis.xreadGroup(TipKeys.GROUP, reviewer,
                XReadGroupParams.xReadGroupParams().count(1),
                Map.of(TipKeys.STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)));
        if (read == null) {
            return Optional.empty();
        }
        return read.stream().flatMap(stream -> stream.getValue().stream()).findFirst()
                .map(entry -> new Delivery(entry.getID(), entry.getFields().get("tip"), 1, true));
    }

    private boolean markClaimed(TipRecord tip, String reviewer, Delivery delivery) {
        String action = delivery.fresh() || tip.assignee().isEmpty() || tip.assignee().get().equals(reviewer)
                ? "认领"
                : "接手(原认领人 " + tip.assignee().get() + " 超过" + inWords(settings.claimIdle()) + "未处理)";
        long now = clock.millis();
        try (Jedis jedis = redis.getResource()) {
            Object done = MARK_CLAIMED.run(jedis, List.of(TipKeys.tip(tip.id()), TipKeys.history(tip.id())),
                    List.of(reviewer, Long.toString(now), store.historyJson(now, reviewer, action),
                            TipStatus.RECEIVED.label(), TipStatus.CHECKING.label()));
            return Long.valueOf(1).equals(done);
        }
    }

    /** "24小时", "30分钟", "2秒": how history entries say the idle time. */
    static String inWords(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0) {
            return duration.toHours() + "小时";
        }
        return duration.toMinutes() > 0 ? duration.toMinutes() + "分钟" : duration.toSeconds() + "秒";
    }

    private void deadLetter(TipRecord tip, Delivery delivery) {
        long now = clock.millis();
        String action = "移入死信队列(已被认领" + delivery.deliveries() + "次仍未办结)";
        try (Jedis jedis = redis.getResource()) {
            DEAD_LETTER.run(jedis,
                    List.of(TipKeys.STREAM, TipKeys.DEAD_LETTER, TipKeys.tip(tip.id()), TipKeys.history(tip.id()),
                            TipKeys.MAIL_OUTBOX, ledger.keyOf(now)),
                    List.of(TipKeys.GROUP, delivery.entry().toString(), tip.id(), Long.toString(delivery.deliveries()),
                            Long.toString(now), store.historyJson(now, HistoryEntry.SYSTEM, action),
                            outbox.deadLetter(tip.id(), delivery.deliveries()), Ledger.DEAD_LETTER));
        }
        log.warn("ALERT: tip {} was handed out {} times without a verdict and moved to the dead-letter stream {}",
                tip.id(), delivery.deliveries(), TipKeys.DEAD_LETTER);
    }

    private void moveClaim(String entry, String reviewer) {
        try (Jedis jedis = redis.getResource()) {
            jedis.xclaimJustId(TipKeys.STREAM, TipKeys.GROUP, reviewer, 0, XClaimParams.xClaimParams(),
                    new StreamEntryID(entry));
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                throw e;
            }
        }
    }

    /** Runs a group command, creating the group first if Redis lost it (a fresh install, a flushed database). */
    private <T> T withGroup(Function<Jedis, T> command) {
        try (Jedis jedis = redis.getResource()) {
            return command.apply(jedis);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                throw e;
            }
        }
        ensureGroup();
        try (Jedis jedis = redis.getResource()) {
            return command.apply(jedis);
        }
    }
}
