/**
 * The campaign calendar: campaigns and their reminders from content/campaigns.yml, date rules (including lunar
 * dates), occurrences and planned sends, interest tags and the command that prints the calendar. Plain content
 * with no Redis; may use content only.
 */
package cn.fangfei.campaign.calendar;
