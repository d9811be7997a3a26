package cn.fangfei.campaign.sending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
