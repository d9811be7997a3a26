package cn.fangfei.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock in the office's time zone that tests set and move. */
public final class TestClock extends Clock {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant now;

    public TestClock(LocalDateTime officeTime) {
        this.now = officeTime.atZone(SHANGHAI).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the office clock stays in Asia/Shanghai");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
