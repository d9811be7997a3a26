package cn.fangfei.faq;

import java.time.Duration;
import java.time.LocalDate;

/** The Redis keys the answering engine owns, with their lifetimes. */
final class FaqKeys {
    /*
     * The chat keys are per resident but never carry the openid: they hold a keyed hash of it
     * (crypto.KeyedHash, purpose CHAT_PURPOSE), which nothing without the data key can match to an openid.
     */
    static final String CHAT_PURPOSE = "faq-chat";
    /** The three topics last offered to a resident as "您是不是想问"; answered by 1/2/3 within the TTL. */
    static final Duration PICK_TTL = Duration.ofMinutes(5);
    /** The topic last answered to a resident, so that "那怎么办" right after is read in its context. */
    static final Duration LAST_TOPIC_TTL = Duration.ofMinutes(5);
    /** A resident who clicked 项目风险自测 has this long to describe the project; the next message is assessed. */
    static final Duration RISK_DESCRIPTION_TTL = Duration.ofMinutes(5);
    /** Questions that got the fallback, scored by how often they were asked; no openid, ever. */
    static final String UNANSWERED = "ff:faq:unanswered";
    /** Question → epoch millis of its last asking. */
    static final String UNANSWERED_LAST = "ff:faq:unanswered:last";
    /**
     * Hash: SHA-256 of a knowledge-base text → its sentence vector (RedisVectorStore). Named after the
     * model: a vector is only valid for the model that made it. No TTL, about 2 KB per text; texts that
     * left the knowledge base stay until the key is deleted (deleting it costs one slower start).
     */
    static final String VECTORS = "ff:faq:vectors:bge-small-zh-v1.5";

    /*
     * The editors' overlay (FaqOverlay): additions made in the console, live on every instance at once
     * and kept until an export writes them into content/. No TTL: they are the office's work.
     */
    /** Hash: added phrasing → the id of the topic it belongs to (a phrasing belongs to one topic). */
    static final String OVERLAY_PHRASINGS = "ff:faq:overlay:phrasings";
    /** Set of the ids of topics created in the console. */
    static final String OVERLAY_TOPICS = "ff:faq:overlay:topics";
    /**
     * Hash: {@code version} moves on every change and {@code exports} on every export to content/;
     * instances poll it to follow changes made on another instance.
     */
    static final String OVERLAY_VERSION = "ff:faq:overlay:version";
    /** Held while one instance writes content/ files, so two exports never interleave. */
    static final String EXPORT_LOCK = "ff:faq:overlay:export-lock";
    /** Writing a few files and reloading the engine takes seconds; a dead holder frees the lock after this. */
    static final Duration EXPORT_LEASE = Duration.ofMinutes(2);

    /** Daily counts for the dashboard: a year to compare with, then they go. */
    static final Duration STATS_TTL = Duration.ofDays(400);

    private FaqKeys() {
    }

    static String pick(String openidHash) {
        return "ff:faq:pick:" + openidHash;
    }

    /** String "1" while the resident with this openid hash is asked to describe a project for the self-check. */
    static String riskDescription(String openidHash) {
        return "ff:faq:risk-ask:" + openidHash;
    }

    /** String: the id of the topic last answered to the resident with this openid hash. */
    static String lastTopic(String openidHash) {
        return "ff:faq:last:" + openidHash;
    }

    /** Hash of one topic created in the console: title, answer, phrasings (one per line). */
    static String overlayTopic(String id) {
        return "ff:faq:overlay:topic:" + id;
    }

    /** Hash of one day's questions by outcome: answer, suggest, fallback. */
    static String dailyOutcomes(LocalDate day) {
        return "ff:faq:stats:" + day;
    }

    /** Sorted set of one day's answered topics by count. */
    static String dailyTopics(LocalDate day) {
        return "ff:faq:stats:topics:" + day;
    }
}
