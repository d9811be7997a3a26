package cn.fangfei.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** A passive text reply, addressed back to whoever sent the message. */
public final class TextReply {
    private TextReply() {
    }

    /** Null (no reply) for a blank text, since WeChat shows an empty bubble otherwise. */
    public static WxMpXmlOutMessage to(WxMpXmlMessage message, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return WxMpXmlOutMessage.TEXT()
                .content(text)
                .fromUser(message.getToUser())
                .toUser(message.getFromUser())
                .build();
    }
}
