/**
 * The WeChat callback: signature check, AES, retry de-duplication, the router that hands each message to a
 * WechatRoute, passive and asynchronous replies, and the shared access token. May use crypto, content, redis and
 * config; features plug in by implementing WechatRoute or InboundListener.
 */
package cn.fangfei.wechat;
