package cn.fangfei.faq;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.util.Pool;

/**
 * Questions the engine could not answer, counted, for editors to act on. The resident is not
 * recorded: only the question text, how often it came and when it last came.
 */
@Component
public class UnansweredLog {
    private static final int MAX_QUESTION_CHARS = 200;

    /** One logged question. */
    public record Entry(String question, long count, long lastAskedMillis) {
    }

    private final Pool<Jedis> redis;
    private final Clock clock;

    public UnansweredLog(Pool<Jedis> redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void record(String question) {
        String key = question.length() > MAX_QUESTION_CHARS ? question.substring(0, MAX_QUESTION_CHARS) : question;
        if (key.isBlank()) {
            return;
        }
        try (Jedis jedis = redis.getResource()) {
            Transaction tx = jedis.multi();
            tx.zincrby(FaqKeys.UNANSWERED, 1, key);
            tx.hset(FaqKeys.UNANSWERED_LAST, key, Long.toString(clock.millis()));
            tx.exec();
        }
    }

    /** The most asked first. */
    public List<Entry> top(int limit) {
        try (Jedis jedis = redis.getResource()) {
            List<Tuple> top = jedis.zrevrangeWithScores(FaqKeys.UNANSWERED, 0, limit - 1L);
            return top.stream().map(tuple -> new Entry(tuple.getElement(), (long) tuple.getScore(),
                    parseOrZero(jedis.hget(FaqKeys.UNANSWERED_LAST, tuple.getElement())))).toList();
        }
    }

    /** Takes a question off the log, when an editor decides it needs no answer here. */
    public void dismiss(String question) {
        try (Jedis jedis = redis.getResource()) {
            Transaction tx = jedis.multi();
            tx.zrem(FaqKeys.UNANSWERED, question);
            tx.hdel(FaqKeys.UNANSWERED_LAST, question);
            tx.exec();
        }
    }

    /** How many different questions are waiting. */
    public long size() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.zcard(FaqKeys.UNANSWERED);
        }
    }

    private static long parseOrZero(String millis) {
        return millis == null ? 0 : Long.parseLong(millis);
    }
}
