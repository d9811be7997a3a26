/**
 * Anonymous tip-offs: the tip record, its encrypted store, the Redis stream queue, review decisions, retention and
 * the mail outbox records written in the same step as the event they report. Never holds an openid, IP or
 * User-Agent. May use crypto, content and redis; its web, chat, review and mail subpackages build on it, never the
 * other way round.
 */
package cn.fangfei.tip;
