package cn.fangfei.faq;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.util.Pool;

/**
 * Per-day counts of residents' questions by outcome and of the topics answered, for the console's
 * dashboard. Only counts: no question text, no resident.
 */
@Component
public class QuestionStats {
    /** One day's questions. */
    public record Day(LocalDate date, long answered, long suggested, long fallback) {
        public long asked() {
            return answered + suggested + fallback;
        }

        /** Share of the day's questions that got the fallback reply; 0 on a day without questions. */
        public double fallbackRate() {
            return asked() == 0 ? 0 : (double) fallback / asked();
        }
    }

    /** A topic and how often it was answered. */
    public record TopicCount(String topicId, long count) {
    }

    private final Pool<Jedis> redis;
    private final Clock clock;

    public QuestionStats(Pool<Jedis> redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void record(Answer answer) {
        LocalDate today = LocalDate.now(clock);
        String outcomes = FaqKeys.dailyOutcomes(today);
        try (Jedis jedis = redis.getResource()) {
            Transaction tx = jedis.multi();
            tx.hincrBy(outcomes, answer.outcome().name().toLowerCase(Locale.ROOT), 1);
            tx.expire(outcomes, FaqKeys.STATS_TTL.toSeconds());
            if (answer.topic() != null) {
                String topics = FaqKeys.dailyTopics(today);
                tx.zincrby(topics, 1, answer.topic().id());
                tx.expire(topics, FaqKeys.STATS_TTL.toSeconds());
            }
            tx.exec();
        }
    }

    /** The last {@code days} days, oldest first, today included; days without questions count zero. */
    public List<Day> lastDays(int days) {
        List<LocalDate> dates = dates(days);
        try (Jedis jedis = redis.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            List<Response<Map<String, String>>> responses = new ArrayList<>();
            dates.forEach(date -> responses.add(pipeline.hgetAll(FaqKeys.dailyOutcomes(date))));
            pipeline.sync();
            List<Day> out = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                Map<String, String> counts = responses.get(i).get();
                out.add(new Day(dates.get(i), count(counts, "answer"), count(counts, "suggest"),
                        count(counts, "fallback")));
            }
            return out;
        }
    }

    /** The topics answered most over the last {@code days} days, most first. */
    public List<TopicCount> topTopics(int days, int limit) {
        Map<String, Long> totals = new HashMap<>();
        try (Jedis jedis = redis.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            List<Response<List<Tuple>>> responses = new ArrayList<>();
            dates(days).forEach(date -> responses.add(pipeline.zrangeWithScores(FaqKeys.dailyTopics(date), 0, -1)));
            pipeline.sync();
            responses.forEach(response -> response.get()
                    .forEach(tuple -> totals.merge(tuple.getElement(), (long) tuple.getScore(), Long::sum)));
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted.entrySet().stream().map(e -> new TopicCount(e.getKey(), e.getValue())).toList();
    }

    private List<LocalDate> dates(int days) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            dates.add(today.minusDays(i));
        }
        return dates;
    }

    private static long count(Map<String, String> counts, String outcome) {
        String value = counts.get(outcome);
        return value == null ? 0 : Long.parseLong(value);
    }
}
