package cn.fangfei.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Every Redis key of the campaign feature, with how long it lives. Subscriptions, the send log and the
 * lock's fencing counter never expire: they are the office's record and the guarantee against double
 * sends. Only conversational state, quota counters and finished progress do.
 */
final class CampaignKeys {
    private static final String PREFIX = "ff:campaign:";

    // --- subscribers -------------------------------------------------------------------------------

    /** Set of every subscribed openid. */
    static final String SUBSCRIBERS = PREFIX + "subscribers";

    /**
     * Sorted set: keyed hash of a subscribed openid ({@link #ACTIVE_PURPOSE}) → the start of the hour of
     * the resident's last message, in epoch millis. WeChat accepts customer-service messages for 48 hours
     * after that; older entries are trimmed by the scheduler. Neither the openid nor a finer time is
     * stored, and messages of the tip-off conversation are not recorded at all: a tip's time can then be
     * matched to no one's activity.
     */
    static final String ACTIVE = PREFIX + "active";

    /** Purpose of the keyed hash of an openid that is its member in {@link #ACTIVE}. */
    static final String ACTIVE_PURPOSE = "campaign-active";

    /** What {@link #ACTIVE} records of a message's time. */
    static final Duration ACTIVE_PRECISION = Duration.ofHours(1);

    /** WeChat's customer-service window. */
    static final Duration ACTIVE_WINDOW = Duration.ofHours(48);

    /** The numbered interest list offered after 订阅提醒 is answered by the very next message, within this time. */
    static final Duration TAG_PICK_TTL = Duration.ofMinutes(10);

    /**
     * Hash: openid → change counter, for residents whose WeChat user tags (used by mass sends) must be
     * brought in line with their subscription. A sync removes an entry only if the counter is unchanged.
     */
    static final String WX_DIRTY = PREFIX + "wx:dirty";

    /** Hash: our audience id ("all" or an interest tag id) → WeChat tag id. */
    static final String WX_TAG_IDS = PREFIX + "wx:tag-ids";

    // --- sending -----------------------------------------------------------------------------------

    /** The sender role: one instance at a time, value "{instance}:{fencing token}", with a lease. */
    static final String SENDER_LOCK = PREFIX + "sender:lock";

    /** Incremented on every lock acquisition; progress writes carry the token and are refused when it moved on. */
    static final String SENDER_FENCE = PREFIX + "sender:fence";

    /** Sorted set: send id → due time in epoch millis, the index of every send log. */
    static final String SENDS = PREFIX + "sends";

    /** Per-recipient progress of a finished send is kept this long for questions, then only the log's counts remain. */
    static final Duration PROGRESS_KEPT = Duration.ofDays(30);

    /** A subscription account may mass-send once a day; the counter outlives its day so late retries still see it. */
    static final Duration DAILY_QUOTA_TTL = Duration.ofDays(2);

    /** A service account's residents receive at most four mass messages a calendar month. */
    static final Duration MONTHLY_QUOTA_TTL = Duration.ofDays(40);

    // --- office ------------------------------------------------------------------------------------

    /** Hash: staff username → the openid their previews go to. */
    static final String PREVIEW_OPENIDS = PREFIX + "preview:openids";

    /** A code shown in the console and sent from the editor's WeChat to bind it, valid this long. */
    static final Duration PREVIEW_CODE_TTL = Duration.ofMinutes(10);

    /** The weekly digest of one week is claimed by one instance; the claim outlives the week. */
    static final Duration DIGEST_CLAIM_TTL = Duration.ofDays(14);

    private CampaignKeys() {
    }

    /** Set of the openids that chose an interest tag. */
    static String tag(String tagId) {
        return PREFIX + "tag:" + tagId;
    }

    /** Hash of one subscriber: tags (comma-separated ids). No time: when someone subscribed is nobody's business. */
    static String subscriber(String openid) {
        return PREFIX + "subscriber:" + openid;
    }

    /**
     * Present while the numbered interest list waits for an answer; under a keyed hash of the openid, as
     * its expiry (kept in the AOF as an absolute time) dates the resident's message to the minute.
     */
    static String tagPick(String openidHash) {
        return PREFIX + "tag-pick:" + openidHash;
    }

    /** Purpose of the keyed hash behind {@link #tagPick}. */
    static final String TAG_PICK_PURPOSE = "campaign-tag-pick";

    /** Set of our audience ids a resident currently carries as WeChat user tags. */
    static String wxTags(String openid) {
        return PREFIX + "wx:tags:" + openid;
    }

    /** Hash: the send log of one reminder of one occurrence (see SendLog for the fields). */
    static String send(String sendId) {
        return PREFIX + "send:" + sendId;
    }

    /** List of "time text" lines: what happened to one send, in order. */
    static String sendEvents(String sendId) {
        return PREFIX + "send-events:" + sendId;
    }

    /** Hash: recipient openid (or mass batch) → claim, sent, failed or unknown; see SendProgress. */
    static String progress(String sendId) {
        return PREFIX + "progress:" + sendId;
    }

    static String dailyMassCount(LocalDate day) {
        return PREFIX + "mass-count:day:" + day;
    }

    static String monthlyMassCount(YearMonth month) {
        return PREFIX + "mass-count:month:" + month;
    }

    /** A preview binding code → the username that asked for it. */
    static String previewCode(String code) {
        return PREFIX + "preview:code:" + code;
    }

    static String digestClaim(LocalDate weekStart) {
        return PREFIX + "digest:" + weekStart;
    }
}
