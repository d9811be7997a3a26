package cn.fangfei.campaign.sending;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;

import cn.fangfei.campaign.calendar.Channel;

/**
 * A reminder exactly as it will go out: channel, audience and filled-in words. An approval is for one
 * of these (by its hash): if the calendar or the office contacts change the words, the approval no
 * longer fits and the send waits for a new one. A send keeps the message it started with.
 *
 * @param audience   interest tag ids; empty for every subscriber
 * @param text       the full text for mass and customer-service messages, article link included
 * @param url        the article the template message opens; may be null
 * @param templateId the template message id, for the template channel
 */
public record RenderedMessage(Channel channel, List<String> audience, String text, String url, String templateId,
        Map<String, String> templateData) {
    public RenderedMessage {
        audience = List.copyOf(audience);
        templateData = templateData == null ? Map.of() : new LinkedHashMap<>(templateData);
    }

    public String hash() {
        String canonical = String.join("\u0000", channel.id(), String.join(",", audience), text, String.valueOf(url),
                String.valueOf(templateId), templateData.toString());
        return DigestUtils.sha256Hex(canonical).substring(0, 16);
    }
}
