package cn.fangfei.wechat;

import java.time.Duration;
import java.util.Optional;

import cn.fangfei.crypto.KeyedHash;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/** Every Redis key of the WeChat side, with how long it lives, in one place. */
public final class WechatKeys {
    /** WxJava's own keys (access token and its lock) live under this prefix, shared by all instances. */
    public static final String WXJAVA_PREFIX = "ff:wx";

    /**
     * A delivery's reply. WeChat retries an unanswered message three times within about 15 s, so a
     * minute covers every retry of one delivery (the key ends on a whole minute, see CoarseExpiry).
     */
    public static final Duration DEDUP_TTL = Duration.ofMinutes(1);

    /**
     * How long a retry waits for the first delivery's reply before answering "success"; short enough
     * to stay inside WeChat's 5 s window.
     */
    public static final Duration DEDUP_WAIT = Duration.ofSeconds(4);

    /**
     * WxJava's lock around an access-token refresh ({@code ff:wx:lock:<appId>:accessTokenLock}); a
     * refresh is one HTTP call, so an instance that died holding it blocks the others this long at most.
     */
    public static final Duration TOKEN_LOCK_LEASE = Duration.ofSeconds(15);

    /** Callbacks whose timestamp is further than this from now are refused as replays. */
    public static final Duration CALLBACK_WINDOW = Duration.ofMinutes(5);

    /** A callback's timestamp and nonce are remembered this long: past both ends of the window. */
    public static final Duration CALLBACK_MEMORY = CALLBACK_WINDOW.multipliedBy(2);

    private static final String DEDUP_PURPOSE = "wechat-delivery";

    private WechatKeys() {
    }

    /**
     * The key of one delivery's reply, the same for WeChat's retries of it. Messages carry a MsgId,
     * unique per sender only (two residents' messages may share one); events carry none, and WeChat
     * identifies their retries by sender, time and event, with the event key added so that two menu
     * clicks within one second stay two clicks. Sender and message are hashed together under a key:
     * no openid is part of a key, and two messages of one resident share nothing a reader of Redis
     * could link (a menu click may start a tip-off).
     */
    public static String dedup(KeyedHash hashes, WxMpXmlMessage message, Optional<String> msgId) {
        String delivery = msgId.map(id -> "msg:" + id).orElseGet(() -> {
            String event = WxConsts.XmlMsgType.EVENT.equals(message.getMsgType()) ? message.getEvent() : message.getMsgType();
            String eventKey = message.getEventKey() == null ? "" : message.getEventKey();
            return "event:" + message.getCreateTime() + ":" + event + ":" + eventKey;
        });
        return WXJAVA_PREFIX + ":dedup:" + hashes.hex(DEDUP_PURPOSE, message.getFromUser() + "\n" + delivery);
    }

    /**
     * Present while a callback's timestamp and nonce may still be used: the keyed hash of its body, so
     * that WeChat's retry of the same request (same body) is told apart from a replay with another body.
     */
    public static String callback(String timestampNonceHash) {
        return WXJAVA_PREFIX + ":callback:" + timestampNonceHash;
    }
}
