package cn.fangfei.tip;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Every Redis key of the tip-off feature, with how long it lives. Tips, their queue entries and the
 * ledger never expire by TTL and the streams are never trimmed by MAXLEN: a tip leaves Redis only by
 * the retention purge, after it was closed. Only conversation drafts and rate-limit counters expire.
 */
public final class TipKeys {
    /**
     * The review queue: one entry per tip ({@code tip=<id>}), read by the consumer group {@link #GROUP}.
     * Entry ids are the tip's day and a sequence number (see TipStore), not the millisecond of the write.
     */
    public static final String STREAM = "ff:tip:stream";
    /** Reviewers are the consumers of this group, each under their username. */
    public static final String GROUP = "reviewers";
    /** Tips delivered more than the configured number of times, moved here for a person to look at. */
    public static final String DEAD_LETTER = "ff:tip:dead";
    /** Sorted set of tips not yet closed, scored by creation time (epoch ms of the day's start, see TipsterDay). */
    public static final String OPEN = "ff:tip:open";
    /** Sorted set of closed tips, scored by closing time: what the retention purge walks. */
    public static final String CLOSED = "ff:tip:closed";
    /** Sorted set of mails to send, scored by when they are due; members are small JSON references, never tip text. */
    public static final String MAIL_OUTBOX = "ff:tip:mail:outbox";

    /** A WeChat conversation (a draft tip or a follow-up) continues if the resident writes again within this. */
    public static final Duration CHAT_TTL = Duration.ofMinutes(30);
    /** The once-a-day markers (digest sent, purge ran) outlive their day a little, then go. */
    public static final Duration DAILY_MARKER_TTL = Duration.ofDays(2);

    private TipKeys() {
    }

    /**
     * Hash: status, risk, category, channel, kid, what/where/contact (sealed), created, closed, assignee,
     * entry (stream id), files, receipts (keyed hashes), escalated, dead, unread.
     */
    public static String tip(String id) {
        return "ff:tip:" + id;
    }

    /** List of JSON entries, appended only: who did what and when. */
    public static String history(String id) {
        return "ff:tip:" + id + ":history";
    }

    /** List of JSON messages between the office and the tipster, text sealed. */
    public static String messages(String id) {
        return "ff:tip:" + id + ":messages";
    }

    /**
     * List of sealed attachments. While a WeChat draft is open it expires with the conversation
     * ({@link #CHAT_TTL}); submitting the tip removes the TTL.
     */
    public static String files(String id) {
        return "ff:tip:" + id + ":files";
    }

    /** String: the tip id, under the keyed hash of a receipt code. Deleted with its tip. */
    public static String receipt(String receiptHash) {
        return "ff:tip:receipt:" + receiptHash;
    }

    /** Hash of counters for the monthly ledger (台账). Survives the purge of the tips it counted. */
    public static String ledger(YearMonth month) {
        return "ff:tip:ledger:" + month;
    }

    /** Counter per sender and window; the sender hash is keyed by a window-specific key, and the counter lives one window. */
    public static String rateLimit(String kind, String senderHash) {
        return "ff:tip:rl:" + kind + ":" + senderHash;
    }

    /** Hash: one resident's WeChat conversation, under a keyed hash of the openid; lives {@link #CHAT_TTL}. */
    public static String chat(String openidHash) {
        return "ff:tip:chat:" + openidHash;
    }

    /** Set once per day by the instance that sends the daily digest. */
    public static String digestSent(LocalDate day) {
        return "ff:tip:digest:" + day;
    }

    /** Set once per day by the instance that runs the retention purge. */
    public static String purgeRan(LocalDate day) {
        return "ff:tip:purge:" + day;
    }
}
