package cn.fangfei.tip;

/**
 * One line of a tip's history: when, who (a reviewer's username, {@link #TIPSTER} or {@link #SYSTEM})
 * and what. Never the resident's words, which live sealed in the messages.
 */
public record HistoryEntry(long at, String by, String action) {
    public static final String TIPSTER = "举报人";
    public static final String SYSTEM = "系统";
}
