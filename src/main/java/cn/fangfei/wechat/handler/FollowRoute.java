package cn.fangfei.wechat.handler;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** A new follower gets the welcome, which says what the account can do. */
@Component
public class FollowRoute implements WechatRoute {
    private final Replies replies;

    public FollowRoute(Replies replies) {
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.FOLLOW;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isFollow(message);
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        return TextReply.to(message, replies.text("welcome"));
    }
}
