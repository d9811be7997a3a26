package cn.fangfei.campaign.calendar;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Residents' short commands as compared with keywords: full-width folded, spaces and punctuation gone. */
public final class ChatText {
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+");

    private ChatText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }
}
