package cn.fangfei.tip;

import java.util.Map;

/**
 * Input a resident has to change, named by the content/replies.yml key of the sentence that tells them
 * how, so that the chat and the web form say the same thing.
 */
public class TipInputException extends RuntimeException {
    private final String replyKey;
    private final Map<String, String> values;

    public TipInputException(String replyKey, Map<String, String> values) {
        super(replyKey);
        this.replyKey = replyKey;
        this.values = Map.copyOf(values);
    }

    public TipInputException(String replyKey) {
        this(replyKey, Map.of());
    }

    public String replyKey() {
        return replyKey;
    }

    public Map<String, String> values() {
        return values;
    }
}
