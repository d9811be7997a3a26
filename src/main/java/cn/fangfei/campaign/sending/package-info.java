/**
 * Sending reminders exactly once: the scheduler, the sender (its role is a fenced redis lock), the send log and
 * per-recipient progress (SendingKeys), WeChat delivery by customer-service, template or mass message, retries, rate
 * limits, WeChat tag mirroring and the weekly digest mail. May use campaign.calendar, campaign.subscription, wechat,
 * content, redis and config.
 */
package cn.fangfei.campaign.sending;
