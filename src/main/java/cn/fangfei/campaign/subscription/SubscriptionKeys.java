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
     * Sorted set: subscribed openid → epoch millis of the resident's last message. WeChat accepts
     * customer-service messages for 48 hours after that; older entries are trimmed by the scheduler.
     */
    public static final String ACTIVE = PREFIX + "active";

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

    /** Hash of one subscriber: since (epoch millis), tags (comma-separated ids). */
    public static String subscriber(String openid) {
        return PREFIX + "subscriber:" + openid;
    }

    /** Present while the numbered interest list waits for an answer. */
    public static String tagPick(String openid) {
        return PREFIX + "tag-pick:" + openid;
    }

    /** A preview binding code → the username that asked for it. */
    public static String previewCode(String code) {
        return PREFIX + "preview:code:" + code;
    }

    private SubscriptionKeys() {
    }
}
