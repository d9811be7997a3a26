package cn.fangfei.campaign.sending;

import java.util.Locale;

/** Where one planned send stands, as the send log and the API show it. */
public enum SendStatus {
    /** In the calendar, nothing done yet (no log record). */
    PLANNED("待发送"),
    /** Due, but its channel needs an editor's approval of exactly this message first. */
    AWAITING_APPROVAL("待审批"),
    SENDING("发送中"),
    /** Interrupted by transient trouble; resumes by itself after retryAfter. */
    PAUSED("暂停,稍后自动继续"),
    /** Stopped by a quota or account problem; resumes when an editor says so. */
    STOPPED("已停止,需处理后恢复"),
    FINISHED("已完成"),
    /** Not sent (or not finished) within the send window after its time: a late reminder would mislead. */
    EXPIRED("已过期"),
    CANCELLED("已取消");

    private final String label;

    SendStatus(String label) {
        this.label = label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == FINISHED || this == EXPIRED || this == CANCELLED;
    }

    static SendStatus fromId(String id) {
        return id == null ? PLANNED : valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
