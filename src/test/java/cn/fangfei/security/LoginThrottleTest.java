package cn.fangfei.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.fangfei.support.RedisProcess;
import redis.clients.jedis.JedisPool;

/** Growing waits per account and address, against a Redis of its own and a clock the test moves. */
class LoginThrottleTest {
    private static final String ATTACKER = "203.0.113.7";
    private static final String STAFF_DESK = "10.0.0.15";

    private final MovingClock clock = new MovingClock();
    private RedisProcess server;
    private JedisPool pool;
    private LoginThrottle throttle;

    @BeforeEach
    void start() {
        server = RedisProcess.server().start();
        pool = new JedisPool("127.0.0.1", server.port());
        throttle = new LoginThrottle(pool, new SecurityProperties("admin", "", null, 0, null, null, 0, null, 0, null, null),
                clock);
    }

    @AfterEach
    void stop() {
        pool.close();
        server.close();
    }

    @Test
    void afterThreeWrongPasswordsEachTryFromThatAddressWaitsTwiceAsLongUpToACap() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("reviewer1", ATTACKER);
            assertThat(throttle.waitBeforeTry("reviewer1", ATTACKER)).isEmpty();
        }
        long previous = 0;
        for (int failures = 3; failures <= 15; failures++) {
            throttle.failed("reviewer1", ATTACKER);
            Duration wait = throttle.waitBeforeTry("reviewer1", ATTACKER).orElseThrow();
            assertThat(wait.toSeconds()).isEqualTo(Math.min(900, 1L << (failures - 2)));
            assertThat(wait.toSeconds()).isGreaterThanOrEqualTo(previous);
            previous = wait.toSeconds();
            clock.advance(wait);
            assertThat(throttle.waitBeforeTry("reviewer1", ATTACKER)).as("the wait ends").isEmpty();
        }
        assertThat(previous).isEqualTo(900);
    }

    @Test
    void anOutsidersTwentyFailuresDoNotKeepTheRightPersonOutButOnlySlowTheAccountDown() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("reviewer1", ATTACKER);
            clock.advance(Duration.ofMinutes(16));
        }
        assertThat(throttle.waitBeforeTry("reviewer1", ATTACKER)).as("the attacker's address waits").isPresent();
        assertThat(throttle.waitBeforeTry("reviewer1", STAFF_DESK)).as("the staff member's does not").isEmpty();
        assertThat(throttle.pauseBeforeCheck("reviewer1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.pauseBeforeCheck("editor1")).isZero();

        throttle.succeeded("reviewer1");
        assertThat(throttle.waitBeforeTry("editor1", ATTACKER)).as("twenty failures from one address close it")
                .isPresent();
        assertThat(throttle.pauseBeforeCheck("reviewer1")).isZero();
    }

    /** A clock the test moves forward; Redis expiries are not involved (they run on Redis's own clock). */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
