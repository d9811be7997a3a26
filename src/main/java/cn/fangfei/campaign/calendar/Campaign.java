package cn.fangfei.campaign.calendar;

import java.util.List;

/**
 * One entry of content/campaigns.yml.
 *
 * @param audience interest tag ids; empty means every subscriber
 * @param channels in order of preference; the first one the account can use is taken
 */
public record Campaign(String id, String title, DateRule rule, List<Reminder> reminders, List<String> audience,
        List<Channel> channels, CampaignMessage message) {
    public Campaign {
        reminders = List.copyOf(reminders);
        audience = List.copyOf(audience);
        channels = List.copyOf(channels);
    }

    public boolean forEveryone() {
        return audience.isEmpty();
    }

    public List<Channel> channelsOf(Reminder reminder) {
        return reminder.channels().isEmpty() ? channels : reminder.channels();
    }

    public CampaignMessage messageOf(Reminder reminder) {
        return reminder.text() == null ? message : message.withText(reminder.text());
    }
}
