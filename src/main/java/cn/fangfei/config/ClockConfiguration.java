package cn.fangfei.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole app, in the office's time zone (fangfei.zone), so tests can move time. Cron
 * jobs take their zone from it: {@code zone = "#{@clock.zone.id}"}.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {
    @Bean
    Clock clock(ZoneProperties zone) {
        return Clock.system(zone.id());
    }
}
