package cn.fangfei.tip;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * The lists reviewers and the digest work from. They read the open tips (closed ones are never
 * listed here), which a town office counts in dozens, so filtering in memory is plenty.
 */
@Component
public class TipLists {
    private final TipStore store;
    private final TipProperties properties;

    public TipLists(TipStore store, TipProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Open tips, oldest first. */
    public List<TipRecord> open() {
        return store.find(store.openIds());
    }

    /** Waiting for a reviewer: nobody holds them. */
    public List<TipRecord> pending() {
        return open(tip -> tip.assignee().isEmpty() && !tip.dead());
    }

    public List<TipRecord> heldBy(String reviewer) {
        return open(tip -> tip.assignee().filter(reviewer::equals).isPresent());
    }

    /** Open for longer than the SLA at {@code now}. */
    public List<TipRecord> overdue(Instant now) {
        Instant deadline = now.minus(properties.sla());
        return open(tip -> tip.created().isBefore(deadline));
    }

    public List<TipRecord> deadLetter() {
        return open(TipRecord::dead);
    }

    /** The SLA in words, e.g. "3天". */
    public String slaDescription() {
        Duration sla = properties.sla();
        return sla.toHours() % 24 == 0 ? sla.toDays() + "天" : sla.toHours() + "小时";
    }

    public boolean isOverdue(TipRecord tip, Instant now) {
        return !tip.isClosed() && tip.created().isBefore(now.minus(properties.sla()));
    }

    private List<TipRecord> open(Predicate<TipRecord> filter) {
        return open().stream().filter(filter).toList();
    }
}
