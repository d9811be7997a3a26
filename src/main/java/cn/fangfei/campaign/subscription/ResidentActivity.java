package cn.fangfei.campaign.subscription;

import org.springframework.stereotype.Component;

import cn.fangfei.wechat.InboundListener;
import cn.fangfei.wechat.Messages;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * Every message a subscriber sends opens WeChat's 48-hour window for customer-service messages; this
 * notes when. It also closes a pending interest list when the resident moved on to something else, so
 * the list only answers the very next message.
 */
@Component
class ResidentActivity implements InboundListener {
    private final Subscribers subscribers;

    ResidentActivity(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public void onInbound(WxMpXmlMessage message) {
        String openid = message.getFromUser();
        if (openid == null || Messages.isUnfollow(message)) {
            return;
        }
        boolean mayAnswerTagList = Messages.isText(message)
                && TagAnswer.parse(message.getContent()).isPresent();
        subscribers.recordActivity(openid, mayAnswerTagList);
    }
}
