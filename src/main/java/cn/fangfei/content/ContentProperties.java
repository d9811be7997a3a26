package cn.fangfei.content;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the office editors' files live, and how often the app looks for changes to them. */
@ConfigurationProperties("fangfei.content")
public record ContentProperties(Path dir, Duration reloadInterval) {
    public ContentProperties {
        dir = dir == null ? Path.of("content") : dir;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(5) : reloadInterval;
    }
}
