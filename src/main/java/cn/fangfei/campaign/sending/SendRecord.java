package cn.fangfei.campaign.sending;

import java.time.Instant;
import java.util.Map;

/**
 * The send log of one planned send, as stored: planned time, who approved it and when, when it
 * started and finished, and how many were sent, failed or left unconfirmed.
 *
 * @param recipients residents in the audience when the send started (for mass sends: our subscribers in the tag)
 * @param unknown    recipients whose delivery could not be confirmed after a crash (not resent: see SendProgress)
 * @param message    the message as it started to go out; null before the start
 */
public record SendRecord(String sendId, SendStatus status, String campaign, String title, Instant dueAt, String channel,
        String approvedBy, Instant approvedAt, String approvedHash, Instant startedAt, Instant finishedAt,
        long recipients, long sent, long failed, long unknown, String stopReason, Instant retryAfter,
        RenderedMessage message) {

    static SendRecord from(String sendId, Map<String, String> fields, RenderedMessage message) {
        return new SendRecord(sendId, SendStatus.fromId(fields.get("status")), fields.get("campaign"), fields.get("title"),
                instant(fields.get("dueAt")), fields.get("channel"), fields.get("approvedBy"), instant(fields.get("approvedAt")),
                fields.get("approvedHash"), instant(fields.get("startedAt")), instant(fields.get("finishedAt")),
                number(fields.get("recipients")), number(fields.get("sent")), number(fields.get("failed")),
                number(fields.get("unknown")), fields.get("stopReason"), instant(fields.get("retryAfter")), message);
    }

    public boolean started() {
        return startedAt != null;
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static long number(String value) {
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }
}
