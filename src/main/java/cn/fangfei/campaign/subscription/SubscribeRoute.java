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

/** 订阅提醒 (or the menu's campaign:subscribe): subscribes and offers the numbered interest list. */
@Component
class SubscribeRoute implements WechatRoute {
    static final String MENU_KEY = "campaign:subscribe";

    private final CampaignCalendar calendar;
    private final Subscribers subscribers;
    private final TagPicks picks;
    private final SubscriptionReplies replies;

    SubscribeRoute(CampaignCalendar calendar, Subscribers subscribers, TagPicks picks, SubscriptionReplies replies) {
        this.calendar = calendar;
        this.subscribers = subscribers;
        this.picks = picks;
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.SUBSCRIBE;
    }

    @Override
    public boolean match(WxMpXmlMessage message) {
        return Messages.isClick(message, MENU_KEY) || Messages.isText(message)
                && calendar.content().subscribeWords().contains(ChatText.normalize(message.getContent()));
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String openid = message.getFromUser();
        boolean isNew = subscribers.subscribe(openid);
        picks.offer(openid);
        return TextReply.to(message, replies.subscribed(isNew, subscribers.tagsOf(openid)));
    }
}
