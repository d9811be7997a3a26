/**
 * Campaign reminders as the office sees them: the console pages and the API that list, preview, approve and send
 * reminders, and the overview both share. May use campaign.calendar, campaign.subscription, campaign.sending,
 * console, content, redis and config.
 */
package cn.fangfei.campaign;
