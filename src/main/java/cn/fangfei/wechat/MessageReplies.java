package cn.fangfei.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    private final MeterRegistry meters;

    public MessageReplies(WechatRouter router, RetryDeduplicator deduplicator, Replies replies, MeterRegistry meters) {
        this.router = router;
        this.deduplicator = deduplicator;
        this.replies = replies;
        this.meters = meters;
    }

    /** The reply XML, or empty when the message gets no passive reply. */
    public String replyXml(WxMpXmlMessage message, String dedupKey) {
        return deduplicator.replyOnce(dedupKey, () -> compute(message));
    }

    /** The first delivery's reply XML to a repeated request; 403 when there is none to repeat (a replay). */
    public String repeatedReplyXml(String dedupKey) {
        return deduplicator.replyToRepeat(dedupKey).orElseThrow(PortalRejection::forbidden);
    }

    private String compute(WxMpXmlMessage message) {
        Timer.Sample sample = Timer.start(meters);
        WxMpXmlOutMessage reply;
        String outcome;
        try {
            reply = router.route(message);
            outcome = reply == null ? "none" : "replied";
        } catch (RuntimeException e) {
            log.warn("answering a {} message failed, replying service-busy ({})",
                    message.getMsgType(), e.getClass().getSimpleName());
            reply = TextReply.to(message, replies.text("service-busy"));
            outcome = "failed";
        }
        sample.stop(Timer.builder("fangfei.wechat.messages")
                .description("Messages from WeChat answered (first deliveries; retries are served from the cache)")
                .tag("type", message.getEvent() == null ? message.getMsgType() : "event_" + message.getEvent())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters));
        return reply == null ? "" : reply.toXml();
    }
}
