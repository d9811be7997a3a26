package cn.fangfei.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads every content part at start-up (a broken file then stops the app, since there is nothing
 * older to serve) and reloads changed content while running, without a restart.
 */
@Component
public class ContentReloader {
    private static final Logger log = LoggerFactory.getLogger(ContentReloader.class);

    private final ContentProperties properties;
    private final List<ReloadableContent> parts;
    private volatile FileTime lastSeen = FileTime.fromMillis(0);
    /** Part name → the problem of its last rejected reload; cleared when the part loads again. */
    private final Map<String, String> rejected = new ConcurrentHashMap<>();

    public ContentReloader(ContentProperties properties, List<ReloadableContent> parts) {
        this.properties = properties;
        this.parts = parts;
        Path dir = properties.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("content directory not found: " + dir + " (set FANGFEI_CONTENT_DIR)");
        }
        lastSeen = newestChange();
        parts.forEach(part -> part.reload(dir));
        log.info("content loaded from {}: {}", dir, parts.stream().map(ReloadableContent::name).toList());
    }

    /** Reloads every part; returns one line per part, "ok" or the problem an editor has to fix. */
    public synchronized List<String> reloadAll() {
        Path dir = properties.dir().toAbsolutePath().normalize();
        List<String> report = new ArrayList<>();
        for (ReloadableContent part : parts) {
            try {
                part.reload(dir);
                rejected.remove(part.name());
                report.add(part.name() + ": ok");
            } catch (ContentException e) {
                log.warn("content {} rejected, the previous version keeps serving: {}", part.name(), e.getMessage());
                rejected.put(part.name(), e.getMessage());
                report.add(part.name() + ": " + e.getMessage());
            }
        }
        return report;
    }

    public List<String> partNames() {
        return parts.stream().map(ReloadableContent::name).toList();
    }

    public Map<String, String> rejectedParts() {
        return Map.copyOf(rejected);
    }

    @Scheduled(fixedDelayString = "#{@'fangfei.content-cn.fangfei.content.ContentProperties'.reloadInterval()}")
    void reloadIfChanged() {
        FileTime newest = newestChange();
        if (newest.compareTo(lastSeen) > 0) {
            lastSeen = newest;
            reloadAll();
        }
    }

    private FileTime newestChange() {
        try (Stream<Path> files = Files.walk(properties.dir())) {
            return files.map(ContentReloader::modified).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot read the content directory {}: {}", properties.dir(), e.getMessage());
            return lastSeen;
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
