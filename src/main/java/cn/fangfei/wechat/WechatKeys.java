package cn.fangfei.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/** Every Redis key of the WeChat side, with how long it lives, in one place. */
public final class WechatKeys {
    /** WxJava's own keys (access token and its lock) live under this prefix, shared by all instances. */
    public static final String WXJAVA_PREFIX = "ff:wx";

    /**
     * A delivery's reply. WeChat retries an unanswered message three times within about 15 s, so 30 s
     * covers every retry of one delivery.
     */
    public static final Duration DEDUP_TTL = Duration.ofSeconds(30);

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

    private WechatKeys() {
    }

    /**
     * Messages carry a MsgId; events don't, and WeChat identifies their retries by sender, time and
     * event. The event key is added so that two menu clicks within one second stay two clicks. The
     * sender is hashed, so that no openid is ever part of a key (a menu click may start a tip-off).
     */
    public static String dedup(WxMpXmlMessage message) {
        if (message.getMsgId() != null) {
            return WXJAVA_PREFIX + ":dedup:" + message.getMsgId();
        }
        String event = WxConsts.XmlMsgType.EVENT.equals(message.getMsgType()) ? message.getEvent() : message.getMsgType();
        String eventKey = message.getEventKey() == null ? "" : message.getEventKey();
        return WXJAVA_PREFIX + ":dedup:event:"
                + sha256Hex(message.getFromUser() + ":" + message.getCreateTime() + ":" + event + ":" + eventKey);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
