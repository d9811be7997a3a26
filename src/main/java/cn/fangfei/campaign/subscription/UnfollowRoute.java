package cn.fangfei.campaign.subscription;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** A resident who unfollows the account is no longer subscribed; there is no one to reply to. */
@Component
class UnfollowRoute implements WechatRoute {
    private final Subscribers subscribers;

    UnfollowRoute(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())
                && WxConsts.EventType.UNSUBSCRIBE.equalsIgnoreCase(message.getEvent());
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        subscribers.unsubscribe(message.getFromUser());
        return null;
    }
}
