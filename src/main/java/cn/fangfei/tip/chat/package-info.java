/**
 * The tip-off wizard inside the WeChat chat and the 查询 follow-up, with its per-resident chat state in Redis. May
 * use tip, faq, wechat, wechat.menu, content, crypto, redis and config.
 */
package cn.fangfei.tip.chat;
