package cn.fangfei.wechat.handler;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * An unfollow cannot be answered (the resident no longer sees the chat). Features that keep per-resident
 * state, such as reminder subscriptions, clean it up in an {@link cn.fangfei.wechat.InboundListener}, which
 * sees the unfollow just before this route takes it.
 */
@Component
public class UnfollowRoute implements WechatRoute {

    @Override
    public RoutingTable slot() {
        return RoutingTable.UNFOLLOW;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isUnfollow(message);
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        return null;
    }
}
