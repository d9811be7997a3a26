package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.Pool;

/**
 * The overlay in Redis. Every editor's write is one MULTI/EXEC guarded by WATCH on the version, so a
 * change lands whole or not at all, and a change checked against version N is refused once another
 * editor has moved the version on. Clearing after an export is one script, which is just as whole.
 */
@Component
class FaqOverlayStore {
    private static final String VERSION = "version";
    private static final String EXPORTS = "exports";
    /** Deletes exported entries only if nobody changed them meanwhile (a phrasing moved to another topic stays). */
    private static final RedisScript CLEAR_EXPORTED = new RedisScript("""
            local topic = ''
            for i = 1, #ARGV do
              local arg = ARGV[i]
              if string.sub(arg, 1, 2) == 't:' then
                topic = string.sub(arg, 3)
              elseif string.sub(arg, 1, 2) == 'p:' then
                if redis.call('hget', KEYS[1], string.sub(arg, 3)) == topic then
                  redis.call('hdel', KEYS[1], string.sub(arg, 3))
                end
              elseif string.sub(arg, 1, 2) == 'n:' then
                redis.call('srem', KEYS[2], string.sub(arg, 3))
              end
            end
            for i = 4, #KEYS do
              redis.call('del', KEYS[i])
            end
            redis.call('hincrby', KEYS[3], 'version', 1)
            redis.call('hincrby', KEYS[3], 'exports', 1)
            return 1
            """);

    private final Pool<Jedis> redis;

    FaqOverlayStore(Pool<Jedis> redis) {
        this.redis = redis;
    }

    /** {version, exports}: cheap enough to poll every few seconds. */
    long[] versions() {
        try (Jedis jedis = redis.getResource()) {
            return versions(jedis);
        }
    }

    FaqOverlay read() {
        try (Jedis jedis = redis.getResource()) {
            // Read under WATCH and retry if a change slipped in, so the version matches the content.
            while (true) {
                jedis.watch(FaqKeys.OVERLAY_VERSION);
                long[] versions = versions(jedis);
                Map<String, String> phrasings = jedis.hgetAll(FaqKeys.OVERLAY_PHRASINGS);
                List<FaqEntry> topics = new ArrayList<>();
                for (String id : jedis.smembers(FaqKeys.OVERLAY_TOPICS).stream().sorted().toList()) {
                    Map<String, String> fields = jedis.hgetAll(FaqKeys.overlayTopic(id));
                    if (!fields.isEmpty()) {
                        topics.add(newTopic(id, fields.get("title"), fields.get("answer"),
                                Arrays.asList(fields.getOrDefault("phrasings", "").split("\n"))));
                    }
                }
                Transaction check = jedis.multi();
                check.hget(FaqKeys.OVERLAY_VERSION, VERSION);
                if (check.exec() != null) {
                    Map<String, List<String>> byTopic = new LinkedHashMap<>();
                    phrasings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .forEach(e -> byTopic.computeIfAbsent(e.getValue(), id -> new ArrayList<>()).add(e.getKey()));
                    return new FaqOverlay(versions[0], versions[1], byTopic, topics);
                }
            }
        }
    }

    /** Adds a phrasing and takes the question off the unanswered log; false if the version moved on. */
    boolean addPhrasing(long expectedVersion, String topicId, String phrasing, String unansweredQuestion) {
        return writeAt(expectedVersion, tx -> {
            tx.hset(FaqKeys.OVERLAY_PHRASINGS, phrasing, topicId);
            forgetUnanswered(tx, unansweredQuestion);
        });
    }

    /** Creates a topic and takes the question off the unanswered log; false if the version moved on. */
    boolean addTopic(long expectedVersion, FaqEntry topic, String unansweredQuestion) {
        return writeAt(expectedVersion, tx -> {
            tx.hset(FaqKeys.overlayTopic(topic.id()), Map.of(
                    "title", topic.title(),
                    "answer", topic.answer(),
                    "phrasings", String.join("\n", topic.phrasings())));
            tx.sadd(FaqKeys.OVERLAY_TOPICS, topic.id());
            forgetUnanswered(tx, unansweredQuestion);
        });
    }

    /** Takes back an added phrasing; false if the version moved on. */
    boolean removePhrasing(long expectedVersion, String phrasing) {
        return writeAt(expectedVersion, tx -> tx.hdel(FaqKeys.OVERLAY_PHRASINGS, phrasing));
    }

    /** Takes back a topic created in the console, with the phrasings added to it; false if the version moved on. */
    boolean removeTopic(long expectedVersion, String topicId, List<String> addedPhrasings) {
        return writeAt(expectedVersion, tx -> {
            tx.del(FaqKeys.overlayTopic(topicId));
            tx.srem(FaqKeys.OVERLAY_TOPICS, topicId);
            if (!addedPhrasings.isEmpty()) {
                tx.hdel(FaqKeys.OVERLAY_PHRASINGS, addedPhrasings.toArray(String[]::new));
            }
        });
    }

    /**
     * Queues {@code changes} and a version bump in one MULTI/EXEC, WATCHing the version from before the
     * check so that an editor working from an older version cannot overwrite a newer change; false
     * when the version is not (or no longer) {@code expectedVersion}.
     */
    private boolean writeAt(long expectedVersion, Consumer<Transaction> changes) {
        try (Jedis jedis = redis.getResource()) {
            jedis.watch(FaqKeys.OVERLAY_VERSION);
            if (versions(jedis)[0] != expectedVersion) {
                jedis.unwatch();
                return false;
            }
            Transaction tx = jedis.multi();
            changes.accept(tx);
            tx.hincrBy(FaqKeys.OVERLAY_VERSION, VERSION, 1);
            return tx.exec() != null;
        }
    }

    /** After an export: drops what is now in content/, keeps whatever was added meanwhile. */
    void clearExported(FaqOverlay exported) {
        List<String> keys = new ArrayList<>(List.of(FaqKeys.OVERLAY_PHRASINGS, FaqKeys.OVERLAY_TOPICS,
                FaqKeys.OVERLAY_VERSION));
        List<String> args = new ArrayList<>();
        exported.phrasings().forEach((topic, phrasings) -> {
            args.add("t:" + topic);
            phrasings.forEach(phrasing -> args.add("p:" + phrasing));
        });
        for (FaqEntry topic : exported.topics()) {
            args.add("n:" + topic.id());
            keys.add(FaqKeys.overlayTopic(topic.id()));
        }
        try (Jedis jedis = redis.getResource()) {
            CLEAR_EXPORTED.run(jedis, keys, args);
        }
    }

    static FaqEntry newTopic(String id, String title, String answer, List<String> phrasings) {
        return new FaqEntry(id, title, List.copyOf(phrasings), answer, answer, List.of(), List.of());
    }

    private static void forgetUnanswered(Transaction tx, String question) {
        if (question != null && !question.isBlank()) {
            tx.zrem(FaqKeys.UNANSWERED, question);
            tx.hdel(FaqKeys.UNANSWERED_LAST, question);
        }
    }

    private static long[] versions(Jedis jedis) {
        List<String> values = jedis.hmget(FaqKeys.OVERLAY_VERSION, VERSION, EXPORTS);
        return new long[] {parse(values.get(0)), parse(values.get(1))};
    }

    private static long parse(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
