package cn.fangfei.tip.chat;

import java.util.Set;
import java.util.regex.Pattern;

/** What a resident types or says, read alike by the tip-off wizard and the receipt follow-up. */
final class ChatText {
    private static final Set<String> CANCEL = Set.of("取消", "退出", "不举报了");
    private static final Pattern TRIM_PUNCTUATION = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s]+$");

    private ChatText() {
    }

    /** A short command as typed or spoken: voice recognition adds a full stop, people add "!". */
    static String command(String text) {
        return TRIM_PUNCTUATION.matcher(text).replaceAll("");
    }

    /** 取消 and its like leave whichever conversation the resident is in. */
    static boolean isCancel(String text) {
        return CANCEL.contains(command(text));
    }

    /** Length as residents and WeChat count it: in characters, not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
