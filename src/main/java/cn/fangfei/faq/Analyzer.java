package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/** Turns a question or a phrasing into an {@link AnalyzedText}; questions and phrasings go through the same steps. */
final class Analyzer {
    private final TextNormalizer normalizer;
    private final PinyinCorrector corrector;
    private final SynonymTable synonyms;
    private final Set<String> stopwords;
    private final Segment segment;

    Analyzer(TextNormalizer normalizer, PinyinCorrector corrector, SynonymTable synonyms,
             Set<String> stopwords, DynamicCustomDictionary dictionary) {
        this.normalizer = normalizer;
        this.corrector = corrector;
        this.synonyms = synonyms;
        this.stopwords = Set.copyOf(stopwords);
        // Index mode adds the sub-words of long terms (以房养老 also yields 养老), so partial questions match.
        this.segment = HanLP.newSegment()
                .enableCustomDictionary(dictionary)
                .enableIndexMode(true)
                .enablePartOfSpeechTagging(false);
    }

    /** Normalised and typo-corrected text, before synonyms: what a person would call "the question". */
    String clean(String raw) {
        return corrector.correct(normalizer.normalize(raw));
    }

    AnalyzedText analyze(String raw) {
        return analyzeCleaned(clean(raw));
    }

    /** {@link #analyze} of a text that has already been through {@link #clean}. */
    AnalyzedText analyzeCleaned(String clean) {
        String text = synonyms.rewritePhrases(clean);
        return new AnalyzedText(clean, text, words(text), chars(text), pinyin(text));
    }

    private List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (Term term : segment.seg(text)) {
            String word = term.word.strip();
            if (!word.isEmpty() && !stopwords.contains(word)) {
                out.add(synonyms.canonical(word));
            }
        }
        return out;
    }

    private List<String> chars(String text) {
        List<String> out = new ArrayList<>();
        for (String run : text.split(" ")) {
            StringBuilder latin = new StringBuilder();
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                if (!PinyinCorrector.isHan(c)) {
                    latin.append(c);
                    continue;
                }
                flush(latin, out);
                if (!stopwords.contains(String.valueOf(c))) {
                    out.add(String.valueOf(c));
                }
                if (i + 1 < run.length() && PinyinCorrector.isHan(run.charAt(i + 1))) {
                    out.add(run.substring(i, i + 2));
                }
            }
            flush(latin, out);
        }
        return out;
    }

    private static void flush(StringBuilder latin, List<String> out) {
        if (!latin.isEmpty()) {
            out.add(latin.toString());
            latin.setLength(0);
        }
    }

    private static List<String> pinyin(String text) {
        List<String> syllables = PinyinCorrector.syllables(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            if (PinyinCorrector.isHan(text.charAt(i)) && PinyinCorrector.isHan(text.charAt(i + 1))) {
                out.add(syllables.get(i) + "_" + syllables.get(i + 1));
            }
        }
        return out;
    }
}
