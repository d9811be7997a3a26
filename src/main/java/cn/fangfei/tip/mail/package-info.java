/**
 * Drains the tip mail outbox owned by tip: renders and sends the mails to reviewers, retries and gives up. May use
 * tip, content and config.
 */
package cn.fangfei.tip.mail;
