package cn.fangfei.campaign.calendar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a campaign says. The text goes out as a mass or customer-service message, with the article link
 * under it; template messages carry the template data instead and open the link when tapped.
 *
 * @param link         an article: a path on this site (/faq/...) or a full https address; may be null
 * @param templateId   overrides fangfei.campaign.template-id for this campaign; may be null
 * @param templateData template field → value, empty when the campaign has no template form
 */
public record CampaignMessage(String text, String link, String templateId, Map<String, String> templateData) {
    public CampaignMessage {
        templateData = templateData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(templateData));
    }

    public CampaignMessage withText(String otherText) {
        return new CampaignMessage(otherText, link, templateId, templateData);
    }
}
