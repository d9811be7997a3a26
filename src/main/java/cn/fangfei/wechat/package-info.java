/**
 * The WeChat callback: signature check, AES, retry de-duplication, the router that hands each message to the
 * first matching WechatRoute in RoutingTable order, the Messages predicates every route asks, passive and
 * asynchronous replies, and the shared access token. May use crypto, content, redis and config; features plug
 * in by implementing WechatRoute (taking a RoutingTable slot) or InboundListener.
 */
package cn.fangfei.wechat;
