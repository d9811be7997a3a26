package cn.fangfei.faq;

import java.time.Duration;

/** The Redis keys the answering engine owns, with their lifetimes. */
final class FaqKeys {
    /** The three topics last offered to a resident as "您是不是想问"; answered by 1/2/3 within the TTL. */
    static final Duration PICK_TTL = Duration.ofMinutes(5);
    /** Questions that got the fallback, scored by how often they were asked; no openid, ever. */
    static final String UNANSWERED = "ff:faq:unanswered";
    /** Question → epoch millis of its last asking. */
    static final String UNANSWERED_LAST = "ff:faq:unanswered:last";

    private FaqKeys() {
    }

    static String pick(String openid) {
        return "ff:faq:pick:" + openid;
    }
}
