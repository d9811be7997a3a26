/**
 * A local stand-in for WeChat used when no real account is configured: a chat page, a fake WeChat API and the
 * signed, encrypted messages it sends to our callback. May use wechat, wechat.menu and config; no production code
 * depends on it.
 */
package cn.fangfei.simulator;
