package cn.fangfei.wechat;

import org.springframework.core.Ordered;

import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpMessageMatcher;

/**
 * One kind of incoming message and what to answer it. A feature adds its own (a keyword such as 举报,
 * image messages for tip-offs) by declaring a bean; {@link WechatRouter} picks up every route, so the
 * router itself never changes. The first matching route, in {@link #getOrder()} order, answers; a
 * handler returning null sends no passive reply.
 */
public interface WechatRoute extends WxMpMessageMatcher, WxMpMessageHandler, Ordered {
    /** Routes for a feature's keywords or messages: tried before the catch-all of their message kind. */
    int FEATURE = 0;

    /** The catch-all answer of a message kind, e.g. every text goes to the FAQ. */
    int FALLBACK = 1000;

    @Override
    default int getOrder() {
        return FEATURE;
    }

    /**
     * True for the routes of the anonymous tip-off conversation: no {@link InboundListener} learns of
     * their messages, so nothing outside the conversation records that this resident wrote just then
     * (a stored activity time next to a tip's time would tell who sent the tip).
     */
    default boolean isConfidential() {
        return false;
    }
}
