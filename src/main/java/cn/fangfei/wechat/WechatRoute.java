package cn.fangfei.wechat;

import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpMessageMatcher;

/**
 * One kind of incoming message and what to answer it. A feature adds its own (a keyword such as 举报,
 * image messages for tip-offs) by declaring a bean that takes a {@link RoutingTable} slot; the first
 * matching route in table order answers; a handler returning null sends no passive reply.
 */
public interface WechatRoute extends WxMpMessageMatcher, WxMpMessageHandler {
    /** Where in the routing table this route is tried; one route per slot. */
    RoutingTable slot();

    /**
     * True for the routes of the anonymous tip-off conversation: no {@link InboundListener} learns of
     * their messages, so nothing outside the conversation records that this resident wrote just then
     * (a stored activity time next to a tip's time would tell who sent the tip).
     */
    default boolean isConfidential() {
        return false;
    }
}
