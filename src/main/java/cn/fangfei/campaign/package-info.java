/**
 * Campaign reminders as the office sees them: the console pages (CampaignPagesController) and the JSON API
 * (CampaignApiController) that list, preview, approve and send reminders, with the overview and editor actions
 * both share. Top of the campaign feature: may use campaign.calendar, campaign.subscription, campaign.sending and
 * console; nothing below it uses it.
 */
package cn.fangfei.campaign;
