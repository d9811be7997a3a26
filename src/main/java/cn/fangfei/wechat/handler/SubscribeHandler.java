package cn.fangfei.wechat.handler;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** A new follower gets the welcome, which says what the account can do. */
@Component
public class SubscribeHandler implements WechatRoute {
    private final Replies replies;

    public SubscribeHandler(Replies replies) {
        this.replies = replies;
    }

    @Override
    public int getOrder() {
        return FALLBACK;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return WxConsts.XmlMsgType.EVENT.equals(message.getMsgType())
                && WxConsts.EventType.SUBSCRIBE.equalsIgnoreCase(message.getEvent());
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        return TextReply.to(message, replies.text("welcome"));
    }
}
