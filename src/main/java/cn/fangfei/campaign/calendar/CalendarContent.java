package cn.fangfei.campaign.calendar;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything content/campaigns.yml says, checked: the interest tags, the chat keywords and the campaigns. */
public record CalendarContent(List<InterestTag> tags, Set<String> subscribeWords, Set<String> unsubscribeWords,
        List<Campaign> campaigns) {
    public CalendarContent {
        tags = List.copyOf(tags);
        subscribeWords = Set.copyOf(subscribeWords);
        unsubscribeWords = Set.copyOf(unsubscribeWords);
        campaigns = List.copyOf(campaigns);
    }

    public static CalendarContent empty() {
        return new CalendarContent(List.of(), Set.of(), Set.of(), List.of());
    }

    public Optional<Campaign> campaign(String id) {
        return campaigns.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<InterestTag> tag(String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The name residents see, or the id itself for a tag no longer in the file. */
    public String tagName(String id) {
        return tag(id).map(InterestTag::name).orElse(id);
    }
}
