package cn.fangfei.tip;

import java.util.List;

/**
 * A message on a tip: from the office (a message or a question for the tipster, or an internal note
 * the tipster never sees) or from the tipster (added information). The text is sealed.
 *
 * @param by    the reviewer's username for office entries, empty for the tipster
 * @param files indexes into the tip's attachments that came with this message
 */
public record TipMessage(long at, String from, String kind, String by, String text, List<Integer> files) {
    public static final String OFFICE = "office";
    public static final String TIPSTER = "tipster";

    public static final String MESSAGE = "message";
    public static final String QUESTION = "question";
    public static final String NOTE = "note";
    public static final String INFO = "info";

    public TipMessage {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Whether the tipster sees it on the status page. */
    public boolean visibleToTipster() {
        return !NOTE.equals(kind);
    }
}
