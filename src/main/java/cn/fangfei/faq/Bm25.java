package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over one channel of tokens. Scores are divided by the summed IDF of the query's terms,
 * i.e. by the score of a document of average length holding each term once. That makes them
 * comparable across queries of any length and usable as a confidence: about the share of the
 * question's weight a document covers (short phrasings that cover it all score a little above 1).
 */
final class Bm25 {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private record Posting(int doc, int tf) {
    }

    private final Map<String, List<Posting>> postings = new HashMap<>();
    private final int[] lengths;
    private final double averageLength;

    Bm25(List<List<String>> documents) {
        lengths = new int[documents.size()];
        long total = 0;
        for (int doc = 0; doc < documents.size(); doc++) {
            Map<String, Integer> tf = new HashMap<>();
            for (String token : documents.get(doc)) {
                tf.merge(token, 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> entry : tf.entrySet()) {
                postings.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(new Posting(doc, entry.getValue()));
            }
            lengths[doc] = documents.get(doc).size();
            total += lengths[doc];
        }
        averageLength = documents.isEmpty() ? 1 : Math.max(1.0, (double) total / documents.size());
    }

    /** A term no document has gets the highest weight: it is evidence the question is about something else. */
    double idf(String term) {
        int df = postings.getOrDefault(term, List.of()).size();
        return Math.log(1 + (lengths.length - df + 0.5) / (df + 0.5));
    }

    /**
     * The share of the query's weight in terms no document has: high for a question about something the
     * knowledge base never mentions (断缴, 报销, 疫苗), whatever it shares besides.
     */
    double unknownShare(Collection<String> queryTerms) {
        double unknown = 0;
        double total = 0;
        for (String term : queryTerms) {
            double idf = idf(term);
            total += idf;
            if (!postings.containsKey(term)) {
                unknown += idf;
            }
        }
        return total > 0 ? unknown / total : 0;
    }

    /** Normalised scores of every document for a set of distinct query terms. */
    double[] normalisedScores(Collection<String> queryTerms) {
        double[] scores = new double[lengths.length];
        double best = 0;
        for (String term : queryTerms) {
            double idf = idf(term);
            best += idf;
            for (Posting posting : postings.getOrDefault(term, List.of())) {
                double norm = K1 * (1 - B + B * lengths[posting.doc()] / averageLength);
                scores[posting.doc()] += idf * posting.tf() * (K1 + 1) / (posting.tf() + norm);
            }
        }
        if (best > 0) {
            for (int doc = 0; doc < scores.length; doc++) {
                scores[doc] /= best;
            }
        }
        return scores;
    }
}
