package cn.fangfei.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** fangfei.zone sets the app's clock, and with it the cron jobs' zone; unset it is the office's Asia/Shanghai. */
class ZonePropertiesTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ZoneProperties.class)
    static class Zone {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Zone.class, ClockConfiguration.class);

    @Test
    void theClockIsInTheConfiguredZone() {
        runner.withPropertyValues("fangfei.zone=Europe/Berlin").run(context ->
                assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void unsetItIsShanghai() {
        runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void aZoneThatDoesNotExistIsAClearError() {
        runner.withPropertyValues("fangfei.zone=Mars/Olympus").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("fangfei.zone “Mars/Olympus”"));
    }
}
