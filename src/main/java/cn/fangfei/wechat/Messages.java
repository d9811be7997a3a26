package cn.fangfei.wechat;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/** What kind of message WeChat sent, asked the same way by every route and listener. */
public final class Messages {
    private Messages() {
    }

    public static boolean isText(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.TEXT.equals(message.getMsgType());
    }

    public static boolean isVoice(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.VOICE.equals(message.getMsgType());
    }

    public static boolean isImage(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.IMAGE.equals(message.getMsgType());
    }

    /** A click on any menu button. */
    public static boolean isClick(WxMpXmlMessage message) {
        return isEvent(message, WxConsts.EventType.CLICK);
    }

    /** A click on the menu button with this key. */
    public static boolean isClick(WxMpXmlMessage message, String key) {
        return isClick(message) && key.equals(message.getEventKey());
    }

    /** The resident followed the account. */
    public static boolean isFollow(WxMpXmlMessage message) {
        return isEvent(message, WxConsts.EventType.SUBSCRIBE);
    }

    /** The resident unfollowed the account. */
    public static boolean isUnfollow(WxMpXmlMessage message) {
        return isEvent(message, WxConsts.EventType.UNSUBSCRIBE);
    }

    /**
     * What the resident typed, or said in a voice message WeChat recognised (Recognition, present when the
     * account has speech recognition switched on), stripped; empty for anything else or a voice WeChat
     * could not make out.
     */
    public static String words(WxMpXmlMessage message) {
        String words = isText(message) ? message.getContent() : isVoice(message) ? message.getRecognition() : null;
        return words == null ? "" : words.strip();
    }

    private static boolean isEvent(WxMpXmlMessage message, String event) {
        return WxConsts.XmlMsgType.EVENT.equals(message.getMsgType()) && event.equalsIgnoreCase(message.getEvent());
    }
}
