package cn.fangfei.faq;

import java.util.List;
import java.util.Set;

/**
 * A text as the index sees it: {@code clean} is the resident's wording normalised and typo-corrected,
 * {@code text} the same with synonyms folded; then three channels: HanLP words (with sub-words and synonyms folded),
 * characters and character pairs, and pairs of pinyin syllables for the typos nothing else catches.
 */
record AnalyzedText(String clean, String text, List<String> words, List<String> chars, List<String> pinyin) {
    /** True when the text names at least one domain term, a sign that it is a question for this office. */
    boolean mentionsAny(Set<String> domainTerms) {
        return words.stream().anyMatch(domainTerms::contains);
    }
}
