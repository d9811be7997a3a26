package cn.fangfei.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CoarseExpiryTest {
    @Test
    void aTtlLastsAtLeastWhatWasAskedAndEndsOnTheNextWholeMinute() {
        Clock clock = Clock.fixed(Instant.parse("2027-03-14T01:00:30.250Z"), ZoneOffset.UTC);

        long ttl = CoarseExpiry.millis(clock, Duration.ofMinutes(1));

        assertThat(Instant.ofEpochMilli(clock.millis() + ttl)).isEqualTo(Instant.parse("2027-03-14T01:02:00Z"));
    }

    @Test
    void onAWholeMinuteItStillEndsAfterTheAskedTime() {
        Clock clock = Clock.fixed(Instant.parse("2027-03-14T01:00:00Z"), ZoneOffset.UTC);

        assertThat(CoarseExpiry.millis(clock, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(CoarseExpiry.wholeMinuteAfter(clock.millis())).isEqualTo(clock.millis() + 60_000);
    }
}
