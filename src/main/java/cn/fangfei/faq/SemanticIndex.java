package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The semantic channel: every phrasing and title as a BGE sentence vector, and a topic's score for a
 * question the cosine of its closest phrasing. It finds the topic of a question that shares no words
 * with it ("交了一年的学费机构说要搬校区" is a prepaid-card question), which BM25 cannot.
 * Texts are embedded as {@link Analyzer#clean} leaves them (simplified, typos repaired), like questions.
 */
final class SemanticIndex {
    private final float[][] vectors;
    private final int[] topicOfDoc;
    private final int topicCount;

    SemanticIndex(List<FaqEntry> topics, UnaryOperator<String> clean, SentenceEmbedder embedder) {
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            for (String text : FaqIndex.withTitle(topics.get(t))) {
                texts.add(clean.apply(text));
                owners.add(t);
            }
        }
        Map<String, float[]> embedded = embedder.embedAll("topics", texts);
        vectors = texts.stream().map(embedded::get).toArray(float[][]::new);
        topicOfDoc = owners.stream().mapToInt(Integer::intValue).toArray();
        topicCount = topics.size();
    }

    /** Per topic, the cosine between the question and the topic's closest phrasing or title. */
    double[] cosines(float[] question) {
        double[] best = new double[topicCount];
        Arrays.fill(best, -1);
        for (int doc = 0; doc < vectors.length; doc++) {
            best[topicOfDoc[doc]] = Math.max(best[topicOfDoc[doc]], SentenceEmbedder.dot(vectors[doc], question));
        }
        return best;
    }
}
