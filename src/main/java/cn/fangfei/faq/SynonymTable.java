package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Domain synonyms from content/synonyms.txt: every variant maps to the first word of its line.
 * HanLP's own synonym dictionary keeps one general sense per word and misses the office's vocabulary
 * (投诉/举报, 老人/爸妈), hence a hand-kept list.
 */
final class SynonymTable {
    private final Map<String, String> canonical;
    /** Variants of two or more characters, longest first, for replacing inside unsegmented text. */
    private final List<String> phraseVariants;

    SynonymTable(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
        List<String> phrases = new ArrayList<>();
        for (String variant : canonical.keySet()) {
            if (variant.length() >= 2) {
                phrases.add(variant);
            }
        }
        phrases.sort(Comparator.comparingInt(String::length).reversed());
        this.phraseVariants = List.copyOf(phrases);
    }

    String canonical(String word) {
        return canonical.getOrDefault(word, word);
    }

    /**
     * Rewrites multi-character variants to their canonical word, longest match first, so that the
     * character channel sees "检举" and "举报" alike. Single characters are left alone here: out of
     * context they are too ambiguous to rewrite.
     */
    String rewritePhrases(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String variant : phraseVariants) {
                if (text.startsWith(variant, i)) {
                    out.append(canonical.get(variant));
                    i += variant.length();
                    continue outer;
                }
            }
            out.append(text.charAt(i));
            i++;
        }
        return out.toString();
    }
}
