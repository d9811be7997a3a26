package cn.fangfei.simulator;

import java.util.regex.Pattern;

/** What the simulator page sends: one thing a resident does in the chat. */
record SimulatedMessage(String openid, Kind kind, String content, boolean safe) {
    enum Kind { TEXT, VOICE, CLICK, SUBSCRIBE, UNSUBSCRIBE }

    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final int MAX_CONTENT = 2000;

    SimulatedMessage {
        if (openid == null || !OPENID.matcher(openid).matches() || kind == null) {
            throw new IllegalArgumentException("openid and kind are required");
        }
        content = content == null ? "" : content;
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("content too long");
        }
    }
}
