package cn.fangfei.tip;

/**
 * A mail waiting in the outbox: what to send about which tip, never the text itself (it is rendered,
 * and decrypted if configured, only when sent).
 *
 * @param uid        makes every member of the outbox set unique
 * @param note       a reviewer's escalation note, sealed
 * @param deliveries for dead-letter alerts, how often the tip was handed out
 */
public record OutboxMail(String uid, String kind, String tip, int attempt, String by, String note, String day,
        long deliveries) {
    public static final String NEW_TIP = "new-tip";
    public static final String ESCALATION = "escalation";
    public static final String DEAD_LETTER = "dead-letter";
    public static final String DIGEST = "digest";

    OutboxMail nextAttempt() {
        return new OutboxMail(uid, kind, tip, attempt + 1, by, note, day, deliveries);
    }
}
