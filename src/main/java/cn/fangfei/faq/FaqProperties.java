package cn.fangfei.faq;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param overlayPoll how often an instance checks for answers editors changed on another instance
 */
@ConfigurationProperties("fangfei.faq")
public record FaqProperties(Duration overlayPoll) {
    public FaqProperties {
        overlayPoll = overlayPoll == null ? Duration.ofSeconds(3) : overlayPoll;
    }
}
