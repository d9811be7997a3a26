/**
 * Who receives reminders: subscribers and their interest tags in Redis (SubscriptionKeys), the 订阅提醒 / 退订 /
 * unfollow and tag-answer chat routes, resident activity for WeChat's 48-hour window, and binding an editor's
 * WeChat for previews. May use campaign.calendar, wechat, content and redis.
 */
package cn.fangfei.campaign.subscription;
