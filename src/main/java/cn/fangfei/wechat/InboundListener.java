package cn.fangfei.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Sees every message from WeChat before it is routed, without answering it: for a feature that needs
 * to know a resident wrote at all, e.g. to send customer-service messages only inside WeChat's 48-hour
 * window. Called once per delivery (not for WeChat's retries); a failing listener is logged and the
 * message is still answered, so a listener must be quick and must not matter for the reply.
 */
public interface InboundListener {
    void onInbound(WxMpXmlMessage message);
}
