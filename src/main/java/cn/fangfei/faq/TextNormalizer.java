package cn.fangfei.faq;

import java.util.List;

import com.hankcs.hanlp.HanLP;

/**
 * Puts a resident's text into the one form the index knows: simplified characters, half-width,
 * lower case, without spoken fillers and punctuation (punctuation becomes a space so that words on
 * either side of it do not join).
 */
final class TextNormalizer {
    private final List<String> fillers;

    TextNormalizer(List<String> fillers) {
        this.fillers = List.copyOf(fillers);
    }

    String normalize(String raw) {
        String text = HanLP.convertToSimplifiedChinese(toHalfWidth(raw)).toLowerCase();
        for (String filler : fillers) {
            text = text.replace(filler, " ");
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isLetterOrDigit(c) || c == '%' ? c : ' ');
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    static String toHalfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                out.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
