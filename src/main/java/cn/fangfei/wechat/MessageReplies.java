package cn.fangfei.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/**
 * The plain reply XML for one message, once per delivery. A failing handler (say Redis is down under
 * the FAQ) still leaves the resident with a friendly "please try again" rather than silence.
 */
@Component
public class MessageReplies {
    private static final Logger log = LoggerFactory.getLogger(MessageReplies.class);

    private final WechatRouter router;
    private final RetryDeduplicator deduplicator;
    private final Replies replies;

    public MessageReplies(WechatRouter router, RetryDeduplicator deduplicator, Replies replies) {
        this.router = router;
        this.deduplicator = deduplicator;
        this.replies = replies;
    }

    /** The reply XML, or empty when the message gets no passive reply. */
    public String replyXml(WxMpXmlMessage message) {
        return deduplicator.replyOnce(WechatKeys.dedup(message), () -> compute(message));
    }

    private String compute(WxMpXmlMessage message) {
        WxMpXmlOutMessage reply;
        try {
            reply = router.route(message);
        } catch (RuntimeException e) {
            log.warn("answering a {} message failed, replying service-busy ({})",
                    message.getMsgType(), e.getClass().getSimpleName());
            reply = TextReply.to(message, replies.text("service-busy"));
        }
        return reply == null ? "" : reply.toXml();
    }
}
