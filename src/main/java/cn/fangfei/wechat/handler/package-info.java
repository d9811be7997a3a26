/**
 * The chat's routes that belong to no one feature: menu clicks, follow and unfollow, the description asked for
 * by the risk self-check button, questions by text or voice for the FAQ, and media the assistant cannot read.
 * Each takes its slot in wechat.RoutingTable. May use wechat, wechat.menu, content and faq.
 */
package cn.fangfei.wechat.handler;
