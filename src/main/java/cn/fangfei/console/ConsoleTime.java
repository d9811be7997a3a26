package cn.fangfei.console;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as the office reads them, in its own time zone; templates call it as {@code @consoleTime}. */
@Component("consoleTime")
public class ConsoleTime {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;

    public ConsoleTime(Clock clock) {
        this.clock = clock;
    }

    public String minute(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(clock.getZone()));
    }

    public String minute(long epochMillis) {
        return epochMillis <= 0 ? "" : minute(Instant.ofEpochMilli(epochMillis));
    }

    /** For a tip's receipt time, which is stored to the day only (see TipsterDay). */
    public String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(clock.getZone()));
    }

    public String second(Instant at) {
        return at == null ? "" : SECOND.format(at.atZone(clock.getZone()));
    }
}
