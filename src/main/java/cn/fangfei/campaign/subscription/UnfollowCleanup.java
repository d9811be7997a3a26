package cn.fangfei.campaign.subscription;

import org.springframework.stereotype.Component;

import cn.fangfei.wechat.InboundListener;
import cn.fangfei.wechat.Messages;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/** A resident who unfollows the account is no longer subscribed; the unfollow route itself answers nothing. */
@Component
class UnfollowCleanup implements InboundListener {
    private final Subscribers subscribers;

    UnfollowCleanup(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public void onInbound(WxMpXmlMessage message) {
        if (Messages.isUnfollow(message) && message.getFromUser() != null) {
            subscribers.unsubscribe(message.getFromUser());
        }
    }
}
