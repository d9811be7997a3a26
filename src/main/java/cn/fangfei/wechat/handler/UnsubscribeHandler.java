package cn.fangfei.wechat.handler;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * An unfollow cannot be answered (the resident no longer sees the chat). Features that keep per-resident
 * state, such as reminder subscriptions, add a route of their own ahead of this one to clean it up.
 */
@Component
public class UnsubscribeHandler implements WechatRoute {

    @Override
    public int getOrder() {
        return FALLBACK;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())
                && WxConsts.EventType.UNSUBSCRIBE.equalsIgnoreCase(message.getEvent());
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        return null;
    }
}
