package cn.fangfei.tip;

import java.time.Clock;
import java.time.LocalDate;

/**
 * When a tipster acted (submitted a tip, added information), as stored in clear: the start of the day
 * in the office's time zone. Anything finer could be matched against the times residents are seen
 * writing to the WeChat account, and so tell who sent the tip; the day is enough for lists, deadlines
 * and the monthly ledger.
 */
public final class TipsterDay {
    private TipsterDay() {
    }

    /** Epoch millis of the start of today. */
    public static long now(Clock clock) {
        return LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
    }
}
