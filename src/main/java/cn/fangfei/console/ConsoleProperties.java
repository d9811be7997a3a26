package cn.fangfei.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param subscriberCountInterval how often the dashboard's count of reminder subscribers is taken (the
 *                                day's last count is the one kept)
 */
@ConfigurationProperties("fangfei.console")
public record ConsoleProperties(Duration subscriberCountInterval) {
    public ConsoleProperties {
        subscriberCountInterval = subscriberCountInterval == null ? Duration.ofMinutes(10) : subscriberCountInterval;
    }
}
