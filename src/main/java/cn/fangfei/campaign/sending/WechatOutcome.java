package cn.fangfei.campaign.sending;

/**
 * What one WeChat call came to, as far as sending is concerned.
 *
 * @param code   WeChat's errcode (0 when sent; -99 when no answer came back)
 * @param detail WeChat's message id when sent, else a short description for the send log
 */
public record WechatOutcome(Kind kind, int code, String detail) {
    enum Kind {
        /** Accepted by WeChat. */
        SENT,
        /** A mass send whose clientmsgid WeChat already had (45065): an earlier try went through. */
        ALREADY_SENT,
        /** WeChat said try again later (-1, 45009, 45011 ...) or the request never left: safe to repeat. */
        TRANSIENT,
        /** No answer after the request was sent: WeChat may or may not have delivered it. */
        UNCERTAIN,
        /** The account's quota is used up (45028): stop the run and tell the office. */
        QUOTA,
        /** Something about the account or configuration (bad template id, no permission): every call would fail. */
        ACCOUNT,
        /** The resident no longer follows the account (43004): they are unsubscribed. */
        NOT_FOLLOWING,
        /** This one resident could not get it (refused, out of the 48-hour window ...). */
        RECIPIENT
    }

    static WechatOutcome sent(String messageId) {
        return new WechatOutcome(Kind.SENT, 0, messageId == null ? "" : messageId);
    }

    public boolean delivered() {
        return kind == Kind.SENT || kind == Kind.ALREADY_SENT;
    }

    /** For the send log and the office: the Chinese description with WeChat's code. */
    public String describe() {
        return WechatErrors.describe(code) + "(微信错误码 " + code + ")";
    }
}
