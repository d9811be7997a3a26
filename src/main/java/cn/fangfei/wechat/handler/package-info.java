/**
 * The WeChat message handlers by message type (text, voice, menu click, subscribe, unsubscribe, unsupported media)
 * that the router delegates to. May use wechat, wechat.menu, content and faq.
 */
package cn.fangfei.wechat.handler;
