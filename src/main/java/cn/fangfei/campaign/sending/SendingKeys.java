package cn.fangfei.campaign.sending;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Every Redis key of campaign sending, with how long it lives. The send log and the lock's fencing counter never
 * expire: they are the guarantee against double sends. Only quota counters, claims and finished progress do.
 */
public final class SendingKeys {
    private static final String PREFIX = "ff:campaign:";

    /** Hash: our audience id ("all" or an interest tag id) → WeChat tag id. */
    public static final String WX_TAG_IDS = PREFIX + "wx:tag-ids";

    /** The sender role: one instance at a time, value "{instance}:{fencing token}", with a lease. */
    public static final String SENDER_LOCK = PREFIX + "sender:lock";

    /** Incremented on every lock acquisition; progress writes carry the token and are refused when it moved on. */
    public static final String SENDER_FENCE = PREFIX + "sender:fence";

    /** Sorted set: send id → due time in epoch millis, the index of every send log. */
    public static final String SENDS = PREFIX + "sends";

    /** Per-recipient progress of a finished send is kept this long for questions, then only the log's counts remain. */
    public static final Duration PROGRESS_KEPT = Duration.ofDays(30);

    /** A subscription account may mass-send once a day; the counter outlives its day so late retries still see it. */
    public static final Duration DAILY_QUOTA_TTL = Duration.ofDays(2);

    /** A service account's residents receive at most four mass messages a calendar month. */
    public static final Duration MONTHLY_QUOTA_TTL = Duration.ofDays(40);

    /** The weekly digest of one week is claimed by one instance; the claim outlives the week. */
    public static final Duration DIGEST_CLAIM_TTL = Duration.ofDays(14);

    /** Set of our audience ids a resident currently carries as WeChat user tags. */
    public static String wxTags(String openid) {
        return PREFIX + "wx:tags:" + openid;
    }

    /** Hash: the send log of one reminder of one occurrence (see SendLog for the fields). */
    public static String send(String sendId) {
        return PREFIX + "send:" + sendId;
    }

    /** List of "time text" lines: what happened to one send, in order. */
    public static String sendEvents(String sendId) {
        return PREFIX + "send-events:" + sendId;
    }

    /** Hash: recipient openid (or mass batch) → claim, sent, failed or unknown; see SendProgress. */
    public static String progress(String sendId) {
        return PREFIX + "progress:" + sendId;
    }

    public static String dailyMassCount(LocalDate day) {
        return PREFIX + "mass-count:day:" + day;
    }

    public static String monthlyMassCount(YearMonth month) {
        return PREFIX + "mass-count:month:" + month;
    }

    public static String digestClaim(LocalDate weekStart) {
        return PREFIX + "digest:" + weekStart;
    }

    private SendingKeys() {
    }
}
