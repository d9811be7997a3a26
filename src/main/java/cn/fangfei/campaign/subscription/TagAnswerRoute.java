package cn.fangfei.campaign.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.InterestTag;
import cn.fangfei.wechat.Messages;
import cn.fangfei.wechat.RoutingTable;
import cn.fangfei.wechat.TextReply;
import cn.fangfei.wechat.WechatRoute;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Numbers sent right after the interest list (e.g. "1 3") pick the tags. Any other message in between
 * closes the list (see ResidentActivity), so a "1" meant for the FAQ's "您是不是想问" is never taken here.
 */
@Component
class TagAnswerRoute implements WechatRoute {
    private final CampaignCalendar calendar;
    private final Subscribers subscribers;
    private final TagPicks picks;
    private final SubscriptionReplies replies;

    TagAnswerRoute(CampaignCalendar calendar, Subscribers subscribers, TagPicks picks, SubscriptionReplies replies) {
        this.calendar = calendar;
        this.subscribers = subscribers;
        this.picks = picks;
        this.replies = replies;
    }

    @Override
    public RoutingTable slot() {
        return RoutingTable.INTEREST_TAG_PICK;
    }

    /** Redis trouble means "not an answer": the FAQ then still replies to the text. */
    @Override
    public boolean match(WxMpXmlMessage message) {
        if (!Messages.isText(message) || TagAnswer.parse(message.getContent()).isEmpty()) {
            return false;
        }
        try {
            return picks.pending(message.getFromUser());
        } catch (JedisException e) {
            return false;
        }
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wxMpService,
            WxSessionManager sessionManager) {
        String openid = message.getFromUser();
        List<InterestTag> tags = calendar.content().tags();
        Optional<TagAnswer> answer = TagAnswer.parse(message.getContent());
        if (answer.isEmpty() || !answer.get().fits(tags.size())) {
            return TextReply.to(message, replies.text("campaign-tags-invalid"));
        }
        List<String> chosen = new ArrayList<>();
        answer.get().positions().forEach(i -> chosen.add(tags.get(i).id()));
        picks.close(openid);
        if (!subscribers.setTags(openid, chosen)) {
            return TextReply.to(message, replies.text("campaign-not-subscribed"));
        }
        return TextReply.to(message, replies.saved(chosen));
    }
}
