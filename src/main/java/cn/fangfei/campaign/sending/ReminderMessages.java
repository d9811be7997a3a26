package cn.fangfei.campaign.sending;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.Campaign;
import cn.fangfei.campaign.calendar.CampaignMessage;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.Occurrence;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.content.Replies;

/**
 * Turns a planned send into the message that goes out: chooses the channel the account can use and
 * fills in dates, the title and the office's contacts (from configuration, never invented).
 */
@Component
public class ReminderMessages {
    private final CampaignProperties properties;
    private final OfficeContacts office;
    private final SiteProperties site;
    private final Replies replies;

    public ReminderMessages(CampaignProperties properties, OfficeContacts office, SiteProperties site, Replies replies) {
        this.properties = properties;
        this.office = office;
        this.site = site;
        this.replies = replies;
    }

    /** The first of the reminder's channels this account can use, or empty when none can. */
    public Optional<Channel> channel(PlannedSend send) {
        Campaign campaign = send.campaign();
        return campaign.channelsOf(send.reminder()).stream()
                .filter(properties.accountType()::allows)
                .filter(channel -> channel != Channel.TEMPLATE || templateId(campaign.message()) != null)
                .findFirst();
    }

    /** Why {@link #channel} found none, for the send log. */
    public String noChannelReason(PlannedSend send) {
        return "渠道 " + String.join("、", send.campaign().channelsOf(send.reminder()).stream().map(Channel::label).toList())
                + " 在当前公众号(" + (properties.accountType() == AccountType.SERVICE ? "服务号" : "订阅号")
                + (properties.templateConfigured() ? "" : ",未配置模板 id") + ")都不能用";
    }

    public RenderedMessage render(PlannedSend send, Channel channel) {
        CampaignMessage message = send.campaign().messageOf(send.reminder());
        Map<String, String> values = values(send);
        String url = message.link() == null ? null : message.link().startsWith("/") ? site.url(message.link()) : message.link();
        String text = fill(message.text(), values);
        if (url != null) {
            text = text + "\n" + replies.text("article-link", Map.of("url", url));
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (channel == Channel.TEMPLATE) {
            message.templateData().forEach((name, value) -> data.put(name, fill(value, values)));
        }
        return new RenderedMessage(channel, send.campaign().audience(), text, url,
                channel == Channel.TEMPLATE ? templateId(message) : null, data);
    }

    /** The reminder as the channel the account would use now; empty when no channel fits. */
    public Optional<RenderedMessage> render(PlannedSend send) {
        return channel(send).map(channel -> render(send, channel));
    }

    private String templateId(CampaignMessage message) {
        if (message.templateId() != null) {
            return message.templateId();
        }
        return properties.templateConfigured() ? properties.templateId() : null;
    }

    private String fill(String text, Map<String, String> values) {
        String out = office.fill(text);
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}", value.getValue());
        }
        return out;
    }

    private static Map<String, String> values(PlannedSend send) {
        Occurrence occurrence = send.occurrence();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", send.campaign().title());
        values.put("date", chinese(occurrence.day()));
        values.put("start", chinese(occurrence.start()));
        values.put("end", chinese(occurrence.end()));
        values.put("lunar", occurrence.lunar() == null ? "" : occurrence.lunar());
        return values;
    }

    static String chinese(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
