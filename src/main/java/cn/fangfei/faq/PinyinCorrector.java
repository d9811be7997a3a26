package cn.fangfei.faq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * Repairs homophone typos from pinyin input (飞法集资 → 非法集资, 举包 → 举报) by looking for a
 * stretch of the text that sounds like a domain term without being one. Only domain terms are
 * targets, and the stretch must share a character with the term, so ordinary words are left alone.
 */
final class PinyinCorrector {
    private static final int MAX_TERM = 6;

    private final Set<String> terms;
    private final Map<String, String> termBySound = new HashMap<>();

    PinyinCorrector(Set<String> terms) {
        this.terms = Set.copyOf(terms);
        for (String term : terms) {
            if (term.length() >= 2 && term.length() <= MAX_TERM && isAllHan(term)) {
                termBySound.putIfAbsent(String.join(" ", syllables(term)), term);
            }
        }
    }

    String correct(String text) {
        List<String> sounds = syllables(text);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        scan:
        while (i < text.length()) {
            for (int length = Math.min(MAX_TERM, text.length() - i); length >= 2; length--) {
                String window = text.substring(i, i + length);
                if (terms.contains(window)) {
                    out.append(window);
                    i += length;
                    continue scan;
                }
                String term = termBySound.get(String.join(" ", sounds.subList(i, i + length)));
                if (term != null && sharesCharacter(term, window)) {
                    out.append(term);
                    i += length;
                    continue scan;
                }
            }
            out.append(text.charAt(i));
            i++;
        }
        return out.toString();
    }

    /** One entry per character: its toneless pinyin, or the character itself when it is not Han. */
    static List<String> syllables(String text) {
        List<Pinyin> pinyins = HanLP.convertToPinyinList(text);
        String[] out = new String[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[i] = isHan(c) && i < pinyins.size() && pinyins.get(i) != Pinyin.none5
                    ? pinyins.get(i).getPinyinWithoutTone()
                    : String.valueOf(c);
        }
        return List.of(out);
    }

    private static boolean sharesCharacter(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            if (b.indexOf(a.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isAllHan(String text) {
        return text.chars().allMatch(c -> isHan((char) c));
    }
}
