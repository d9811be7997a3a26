package cn.fangfei.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Sees the messages from WeChat, just before the route that answers one handles it, without answering
 * it: for a feature that needs to know a resident wrote at all, e.g. to send customer-service messages
 * only inside WeChat's 48-hour window. Not called for messages a confidential route answers (the
 * tip-off conversation, see {@link WechatRoute#isConfidential()}). Called once per delivery (not for
 * WeChat's retries); a failing listener is logged and the message is still answered, so a listener must
 * be quick and must not matter for the reply.
 */
public interface InboundListener {
    void onInbound(WxMpXmlMessage message);
}
