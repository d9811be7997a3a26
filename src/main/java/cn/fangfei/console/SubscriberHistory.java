package cn.fangfei.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.fangfei.campaign.subscription.Subscribers;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Reminder subscribers over time, for the dashboard. The campaign feature keeps who is subscribed now;
 * this notes the count every few minutes under the day's date, so each day ends with its last count.
 * Any instance may write: they all write the same number.
 */
@Component
class SubscriberHistory {
    private static final Logger log = LoggerFactory.getLogger(SubscriberHistory.class);

    /** One day's count; null for a day when no instance was running. */
    record Day(LocalDate date, Long subscribers) {
    }

    private final Subscribers subscribers;
    private final Pool<Jedis> redis;
    private final Clock clock;

    SubscriberHistory(Subscribers subscribers, Pool<Jedis> redis, Clock clock) {
        this.subscribers = subscribers;
        this.redis = redis;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "#{@'fangfei.console-cn.fangfei.console.ConsoleProperties'.subscriberCountInterval()}")
    void count() {
        try (Jedis jedis = redis.getResource()) {
            jedis.hset(ConsoleKeys.SUBSCRIBERS_BY_DAY, LocalDate.now(clock).toString(),
                    Long.toString(subscribers.count(List.of())));
        } catch (JedisException e) {
            log.warn("could not note today's subscriber count: {}", e.getMessage());
        }
    }

    /** The last {@code days} days, oldest first, today's count taken now. */
    List<Day> lastDays(int days) {
        count();
        LocalDate today = LocalDate.now(clock);
        List<String> dates = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            dates.add(today.minusDays(i).toString());
        }
        List<String> counts;
        try (Jedis jedis = redis.getResource()) {
            counts = jedis.hmget(ConsoleKeys.SUBSCRIBERS_BY_DAY, dates.toArray(String[]::new));
        }
        List<Day> out = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            out.add(new Day(LocalDate.parse(dates.get(i)), counts.get(i) == null ? null : Long.parseLong(counts.get(i))));
        }
        return out;
    }
}
