package cn.fangfei.wechat;

import java.util.concurrent.ThreadLocalRandom;

/** Message XML in the exact layout of WeChat's documentation. */
public final class InboundMessages {
    public static final String ACCOUNT = "gh_test";

    private InboundMessages() {
    }

    public static long newMsgId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, Long.MAX_VALUE);
    }

    /** A fresh openid per test, so that no test sees another's state. */
    public static String newOpenid() {
        return "oTest" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public static String text(String openid, String content, long msgId) {
        return head(openid, now(), "text")
                + "<Content><![CDATA[" + content + "]]></Content>"
                + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    public static String voice(String openid, String recognition, long msgId) {
        return head(openid, now(), "voice")
                + "<MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format>"
                + (recognition == null ? "" : "<Recognition><![CDATA[" + recognition + "]]></Recognition>")
                + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    public static String event(String openid, long createTime, String event, String eventKey) {
        return head(openid, createTime, "event")
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>")
                + "</xml>";
    }

    /** An image, video, shortvideo, location or link message, with the fields each kind carries. */
    public static String media(String openid, String kind, long msgId) {
        String fields = switch (kind) {
            case "image" -> "<PicUrl><![CDATA[http://example.com/a.jpg]]></PicUrl><MediaId><![CDATA[m]]></MediaId>";
            case "video", "shortvideo" -> "<MediaId><![CDATA[m]]></MediaId><ThumbMediaId><![CDATA[t]]></ThumbMediaId>";
            case "location" -> "<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y>"
                    + "<Scale>20</Scale><Label><![CDATA[位置信息]]></Label>";
            case "link" -> "<Title><![CDATA[标题]]></Title><Description><![CDATA[描述]]></Description>"
                    + "<Url><![CDATA[http://example.com]]></Url>";
            default -> throw new IllegalArgumentException(kind);
        };
        return head(openid, now(), kind) + fields + "<MsgId>" + msgId + "</MsgId></xml>";
    }

    private static String head(String openid, long createTime, String msgType) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName>"
                + "<FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType><![CDATA[" + msgType + "]]></MsgType>";
    }
}
