package cn.fangfei.console;

import java.time.LocalDate;

/**
 * The Redis keys the console owns. The audit log is append-only and kept: no TTL, no MAXLEN, since
 * it is the office's record of who did what.
 */
final class ConsoleKeys {
    /** Hash: date (fangfei.zone) → campaign subscribers counted that day; one small entry a day, kept. */
    static final String SUBSCRIBERS_BY_DAY = "ff:console:subscribers:by-day";

    private ConsoleKeys() {
    }

    /** Stream of one day's audit entries (fangfei.zone): at, who, action, target, detail, address. */
    static String audit(LocalDate day) {
        return "ff:console:audit:" + day;
    }
}
