package cn.fangfei.redis;

import java.time.Clock;
import java.time.Duration;

/**
 * Time-to-live values that end on a whole minute of the clock. Redis keeps an expiry as an absolute
 * time in the AOF and in backups (a {@code SET ... PX 30000} is logged as {@code PXAT <ms>}), so a
 * plain TTL tells anyone holding the file the millisecond the key was written. Ending on a whole
 * minute tells only the minute.
 */
public final class CoarseExpiry {
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private CoarseExpiry() {
    }

    /** Milliseconds from now to the first whole minute more than {@code atLeast} away. */
    public static long millis(Clock clock, Duration atLeast) {
        long now = clock.millis();
        return wholeMinuteAfter(now + atLeast.toMillis()) - now;
    }

    /** The first whole minute after a time, in epoch millis: for scores that would otherwise date a write. */
    public static long wholeMinuteAfter(long epochMillis) {
        return (epochMillis / MINUTE + 1) * MINUTE;
    }
}
