package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The lexical channel: BM25 in three channels (words, characters, pinyin) over every phrasing and
 * title, fused per document, then per topic as its best phrasing blended with the topic as a whole.
 * Characters carry most of the weight because residents' wording rarely matches an editor's word
 * for word; words add HanLP's segmentation and the synonyms; pinyin catches the remaining typos.
 */
final class FaqIndex {
    private static final double WORD_WEIGHT = 1.0;
    private static final double CHAR_WEIGHT = 1.0;
    private static final double PINYIN_WEIGHT = 0.4;
    /** Share of a topic's score that comes from the topic as a whole rather than its best phrasing. */
    private static final double TOPIC_SHARE = 0.5;

    private final List<FaqEntry> topics;
    private final int[] topicOfDoc;
    private final Bm25 docWords;
    private final Bm25 docChars;
    private final Bm25 docPinyin;
    private final Bm25 topicWords;
    private final Bm25 topicChars;

    FaqIndex(List<FaqEntry> topics, Analyzer analyzer) {
        this.topics = List.copyOf(topics);
        List<AnalyzedText> docs = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<List<AnalyzedText>> perTopic = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            List<AnalyzedText> own = new ArrayList<>();
            FaqEntry entry = topics.get(t);
            for (String text : withTitle(entry)) {
                AnalyzedText analyzed = analyzer.analyze(text);
                docs.add(analyzed);
                owners.add(t);
                own.add(analyzed);
            }
            perTopic.add(own);
        }
        topicOfDoc = owners.stream().mapToInt(Integer::intValue).toArray();
        docWords = new Bm25(docs.stream().map(AnalyzedText::words).toList());
        docChars = new Bm25(docs.stream().map(AnalyzedText::chars).toList());
        docPinyin = new Bm25(docs.stream().map(AnalyzedText::pinyin).toList());
        topicWords = new Bm25(perTopic.stream().map(own -> concat(own, AnalyzedText::words)).toList());
        topicChars = new Bm25(perTopic.stream().map(own -> concat(own, AnalyzedText::chars)).toList());
    }

    /** Per topic, in the order the index was built with, the share of the question's weight it covers. */
    double[] scores(AnalyzedText question) {
        var words = new LinkedHashSet<>(question.words());
        var chars = new LinkedHashSet<>(question.chars());
        var pinyin = new LinkedHashSet<>(question.pinyin());
        double[] w = docWords.normalisedScores(words);
        double[] c = docChars.normalisedScores(chars);
        double[] p = docPinyin.normalisedScores(pinyin);
        double[] best = new double[topics.size()];
        double total = WORD_WEIGHT + CHAR_WEIGHT + PINYIN_WEIGHT;
        for (int doc = 0; doc < topicOfDoc.length; doc++) {
            double fused = (WORD_WEIGHT * w[doc] + CHAR_WEIGHT * c[doc] + PINYIN_WEIGHT * p[doc]) / total;
            best[topicOfDoc[doc]] = Math.max(best[topicOfDoc[doc]], fused);
        }
        double[] tw = topicWords.normalisedScores(words);
        double[] tc = topicChars.normalisedScores(chars);
        double[] scores = new double[topics.size()];
        for (int t = 0; t < topics.size(); t++) {
            double whole = (tw[t] + tc[t]) / 2;
            scores[t] = (1 - TOPIC_SHARE) * best[t] + TOPIC_SHARE * whole;
        }
        return scores;
    }

    /** The share of the question's character weight that no phrasing or title has at all. */
    double unknownShare(AnalyzedText question) {
        return docChars.unknownShare(new LinkedHashSet<>(question.chars()));
    }

    static List<String> withTitle(FaqEntry entry) {
        List<String> texts = new ArrayList<>(entry.phrasings());
        texts.add(entry.title());
        return texts;
    }

    private static List<String> concat(List<AnalyzedText> texts, Function<AnalyzedText, List<String>> channel) {
        List<String> out = new ArrayList<>();
        texts.forEach(text -> out.addAll(channel.apply(text)));
        return out;
    }
}
