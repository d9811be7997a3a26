package cn.fangfei.campaign.subscription;

import java.time.Duration;

/**
 * Every Redis key of campaign subscriptions, with how long it lives. Subscriptions never expire: they are the
 * office's record; only conversational state (the interest pick, preview binding codes) does.
 */
public final class SubscriptionKeys {
    private static final String PREFIX = "ff:campaign:";

    /** Set of every subscribed openid. */
    public static final String SUBSCRIBERS = PREFIX + "subscribers";

    /**
     * Sorted set: keyed hash of a subscribed openid ({@link #ACTIVE_PURPOSE}) → the start of the hour of
     * the resident's last message, in epoch millis. WeChat accepts customer-service messages for 48 hours
     * after that; older entries are trimmed by the scheduler. Neither the openid nor a finer time is
     * stored, and messages of the tip-off conversation are not recorded at all: a tip's time can then be
     * matched to no one's activity.
     */
    public static final String ACTIVE = PREFIX + "active";

    /** Purpose of the keyed hash of an openid that is its member in {@link #ACTIVE}. */
    public static final String ACTIVE_PURPOSE = "campaign-active";

    /** What {@link #ACTIVE} records of a message's time. */
    public static final Duration ACTIVE_PRECISION = Duration.ofHours(1);

    /** WeChat's customer-service window. */
    public static final Duration ACTIVE_WINDOW = Duration.ofHours(48);

    /** The numbered interest list offered after 订阅提醒 is answered by the very next message, within this time. */
    public static final Duration TAG_PICK_TTL = Duration.ofMinutes(10);

    /**
     * Hash: openid → change counter, for residents whose WeChat user tags (used by mass sends) must be
     * brought in line with their subscription. A sync removes an entry only if the counter is unchanged.
     */
    public static final String WX_DIRTY = PREFIX + "wx:dirty";

    /** Hash: staff username → the openid their previews go to. */
    public static final String PREVIEW_OPENIDS = PREFIX + "preview:openids";

    /** A code shown in the console and sent from the editor's WeChat to bind it, valid this long. */
    public static final Duration PREVIEW_CODE_TTL = Duration.ofMinutes(10);

    /** Set of the openids that chose an interest tag. */
    public static String tag(String tagId) {
        return PREFIX + "tag:" + tagId;
    }

    /** Hash of one subscriber: tags (comma-separated ids). No time: when someone subscribed is nobody's business. */
    public static String subscriber(String openid) {
        return PREFIX + "subscriber:" + openid;
    }

    /**
     * Present while the numbered interest list waits for an answer; under a keyed hash of the openid, as
     * its expiry (kept in the AOF as an absolute time) dates the resident's message to the minute.
     */
    public static String tagPick(String openidHash) {
        return PREFIX + "tag-pick:" + openidHash;
    }

    /** Purpose of the keyed hash behind {@link #tagPick}. */
    public static final String TAG_PICK_PURPOSE = "campaign-tag-pick";

    /** A preview binding code → the username that asked for it. */
    public static String previewCode(String code) {
        return PREFIX + "preview:code:" + code;
    }

    private SubscriptionKeys() {
    }
}
