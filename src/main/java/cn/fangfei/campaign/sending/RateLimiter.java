package cn.fangfei.campaign.sending;

import java.util.concurrent.TimeUnit;

/**
 * Spaces calls evenly at a configured rate across all sending threads (no bursts), so a fan-out to
 * many residents never runs faster than fangfei.campaign.send-rate. Measured on the monotonic clock:
 * this is about elapsed time, not the office's calendar.
 */
final class RateLimiter {
    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            next = Math.max(next, now);
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
