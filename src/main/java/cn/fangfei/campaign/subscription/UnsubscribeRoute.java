package cn.fangfei.campaign.subscription;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.ChatText;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** 退订 (or the menu's campaign:unsubscribe): ends the subscription and says so. */
@Component
class UnsubscribeRoute implements WechatRoute {
    static final String MENU_KEY = "campaign:unsubscribe";

    private final CampaignCalendar calendar;
    private final Subscribers subscribers;
    private final SubscriptionReplies replies;

    UnsubscribeRoute(CampaignCalendar calendar, Subscribers subscribers, SubscriptionReplies replies) {
        this.calendar = calendar;
        this.subscribers = subscribers;
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.UNSUBSCRIBE;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isClick(message, MENU_KEY) || Messages.isText(message)
                && calendar.content().unsubscribeWords().contains(ChatText.normalize(message.getContent()));
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        boolean was = subscribers.unsubscribe(message.getFromUser());
        return TextReply.to(message, replies.text(was ? "campaign-unsubscribed" : "campaign-not-subscribed"));
    }
}
