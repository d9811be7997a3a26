package cn.fangfei.faq;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.fangfei.content.ContentReloader;
import jakarta.annotation.PostConstruct;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Keeps this instance's engine on the overlay in Redis: at start-up, right after a change made here,
 * and within a poll interval of a change made on another instance. After an export it re-reads
 * content/ before dropping the exported entries, so an added phrasing is never missing in between.
 */
@Component
class FaqOverlaySync {
    private static final Logger log = LoggerFactory.getLogger(FaqOverlaySync.class);

    private final FaqOverlayStore store;
    private final AnswerEngine engine;
    private final ContentReloader content;
    private volatile boolean redisWasDown;

    FaqOverlaySync(FaqOverlayStore store, AnswerEngine engine, ContentReloader content) {
        this.store = store;
        this.engine = engine;
        this.content = content;
    }

    /** Before the web server opens, so that no question is answered without the additions. */
    @PostConstruct
    void atStart() {
        poll();
    }

    /** Cheap when nothing changed: one HMGET. */
    @Scheduled(initialDelayString = "#{@'fangfei.faq-cn.fangfei.faq.FaqProperties'.overlayPoll()}",
            fixedDelayString = "#{@'fangfei.faq-cn.fangfei.faq.FaqProperties'.overlayPoll()}")
    void poll() {
        try {
            refresh();
            if (redisWasDown) {
                log.info("Redis is back: the editors' additions are applied again");
                redisWasDown = false;
            }
        } catch (JedisException e) {
            if (!redisWasDown) {
                log.warn("cannot read the editors' additions from Redis, answering with what was applied last: {}",
                        e.getMessage());
                redisWasDown = true;
            }
        }
    }

    /** Brings the engine up to the overlay's current version, if it is behind. */
    synchronized void refresh() {
        FaqOverlay applied = engine.overlay();
        long[] versions = store.versions();
        if (versions[0] == applied.version() && versions[1] == applied.exports()) {
            return;
        }
        if (versions[1] != applied.exports()) {
            // Another export wrote content/: load those files (still with the old overlay) first.
            content.reloadAll();
        }
        FaqOverlay overlay = store.read();
        engine.apply(overlay);
        log.info("editors' additions applied: version {}, {} topics with added phrasings, {} new topics",
                overlay.version(), overlay.phrasings().size(), overlay.topics().size());
    }
}
