package cn.fangfei.tip.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many form uploads (tip form, follow-up) are taken in at once. Parts are written to a private
 * directory, not kept in memory, but their images are decoded in memory; past this many, a resident
 * is asked to send again in a moment rather than let a burst of large bodies exhaust the heap.
 *
 * @param concurrency uploads parsed and cleaned at the same time
 * @param queueWait   how long a further upload waits for its turn before it is refused
 */
@ConfigurationProperties("fangfei.tip.upload")
record UploadProperties(int concurrency, Duration queueWait) {
    UploadProperties {
        concurrency = concurrency <= 0 ? 2 : concurrency;
        queueWait = queueWait == null ? Duration.ofSeconds(2) : queueWait;
    }
}
