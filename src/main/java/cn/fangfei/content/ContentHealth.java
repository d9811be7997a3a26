package cn.fangfei.content;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Content is always loaded once the app runs (start-up fails otherwise). A later reload an editor
 * broke does not make the app unhealthy, since the previous content keeps serving, but the problem
 * shows in the details so that operators see it.
 */
@Component("content")
class ContentHealth implements HealthIndicator {
    private final ContentReloader reloader;

    ContentHealth(ContentReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public Health health() {
        Map<String, String> problems = reloader.rejectedParts();
        return Health.up().withDetail("parts", reloader.partNames()).withDetail("rejected", problems).build();
    }
}
