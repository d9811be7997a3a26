package cn.fangfei.campaign.subscription;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.CalendarContent;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.InterestTag;
import cn.fangfei.content.Replies;

/** The subscription conversation's sentences from replies.yml, with the tag list filled in. */
@Component
class SubscriptionReplies {
    private final Replies replies;
    private final CampaignCalendar calendar;

    SubscriptionReplies(Replies replies, CampaignCalendar calendar) {
        this.replies = replies;
        this.calendar = calendar;
    }

    String subscribed(boolean isNew, List<String> currentTags) {
        if (isNew) {
            return replies.text("campaign-subscribed", Map.of("tags", numberedList()));
        }
        return replies.text("campaign-resubscribed", Map.of("tags", numberedList(), "current", names(currentTags)));
    }

    String saved(List<String> tagIds) {
        return tagIds.isEmpty() ? replies.text("campaign-tags-none") : replies.text("campaign-tags-saved", Map.of("tags", names(tagIds)));
    }

    String text(String key) {
        return replies.text(key);
    }

    private String numberedList() {
        List<InterestTag> tags = calendar.content().tags();
        return IntStream.range(0, tags.size()).mapToObj(i -> (i + 1) + ". " + tags.get(i).name())
                .collect(Collectors.joining("\n"));
    }

    private String names(List<String> tagIds) {
        CalendarContent content = calendar.content();
        return tagIds.isEmpty() ? replies.text("campaign-tags-general")
                : tagIds.stream().map(content::tagName).collect(Collectors.joining("、"));
    }
}
