package cn.fangfei.tip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The review queue as Prometheus sees it: pending, overdue and dead-lettered tips and the age of the
 * oldest pending one (the counter of tips received is kept where they arrive, in TipSubmissions). The
 * figures come from one read of the open tips, reused for a few seconds so that a scrape of four
 * gauges reads Redis once; while Redis is unreachable the last figures stay.
 */
@Component
class TipMetrics implements MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(TipMetrics.class);
    private static final Duration REUSE = Duration.ofSeconds(10);

    private record Figures(Instant taken, int pending, int overdue, int dead, double oldestPendingSeconds) {
    }

    private final TipLists lists;
    private final Clock clock;
    private volatile Figures figures = new Figures(Instant.EPOCH, 0, 0, 0, 0);

    TipMetrics(TipLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("fangfei.tips.pending", this, metrics -> metrics.current().pending())
                .description("Open tips no reviewer holds").register(registry);
        Gauge.builder("fangfei.tips.overdue", this, metrics -> metrics.current().overdue())
                .description("Open tips older than the SLA").register(registry);
        Gauge.builder("fangfei.tips.dead.lettered", this, metrics -> metrics.current().dead())
                .description("Open tips moved to the dead-letter stream").register(registry);
        Gauge.builder("fangfei.tips.oldest.pending.age", this, metrics -> metrics.current().oldestPendingSeconds())
                .baseUnit("seconds").description("Age of the oldest pending tip").register(registry);
    }

    private Figures current() {
        Instant now = clock.instant();
        Figures known = figures;
        if (Duration.between(known.taken(), now).compareTo(REUSE) < 0) {
            return known;
        }
        try {
            List<TipRecord> pending = lists.pending();
            double oldest = pending.stream().map(TipRecord::created).min(Instant::compareTo)
                    .map(created -> (double) Duration.between(created, now).toSeconds()).orElse(0.0);
            figures = new Figures(now, pending.size(), lists.overdue(now).size(), lists.deadLetter().size(), oldest);
        } catch (JedisException e) {
            log.warn("tip metrics not refreshed, Redis unavailable ({})", e.getClass().getSimpleName());
        }
        return figures;
    }
}
