package cn.fangfei.faq;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The features the fitted models read, computed in one place for the engine and for the offline fit
 * ({@code DecisionFit} in the tests), so the two can never disagree.
 */
final class Features {
    /** Per topic: how each channel scores it, against the channel's best, and its rank in each channel. */
    static final List<String> RANKING = List.of(
            "lexical", "lexical_share_of_best", "cosine", "cosine_minus_best", "lexical_reciprocal_rank",
            "cosine_reciprocal_rank");
    /** Per question, once the topics are ranked: how sure the ranking is, and whether the channels agree. */
    static final List<String> DECISION = List.of(
            "fused_probability", "fused_margin", "lexical_of_first", "lexical_margin", "anchored",
            "cosine_of_first", "cosine_margin", "channels_agree", "first_is_lexical_best", "first_is_cosine_best",
            "log_length", "unknown_share", "other_office_lead", "other_office_cosine");

    private Features() {
    }

    /** One row of {@link #RANKING} per topic. */
    static double[][] ranking(ChannelScores scores) {
        int n = scores.topics().size();
        double lexicalBest = max(scores.lexical());
        double cosineBest = max(scores.cosine());
        int[] lexicalRank = ranks(scores.lexical());
        int[] cosineRank = ranks(scores.cosine());
        double[][] rows = new double[n][];
        for (int t = 0; t < n; t++) {
            double lexical = scores.lexical()[t];
            rows[t] = new double[] {
                lexical, lexicalBest > 0 ? lexical / lexicalBest : 0, scores.cosine()[t], scores.cosine()[t] - cosineBest,
                1.0 / (1 + lexicalRank[t]), 1.0 / (1 + cosineRank[t])};
        }
        return rows;
    }

    /** {@link #DECISION} for a question whose topics {@code order} ranks best first by {@code fused} probability. */
    static double[] decision(ChannelScores scores, int[] order, double[] fused) {
        int first = order[0];
        int second = order.length > 1 ? order[1] : first;
        int lexicalBest = argmax(scores.lexical());
        int cosineBest = argmax(scores.cosine());
        return new double[] {
            fused[first], fused[first] - (order.length > 1 ? fused[second] : 0),
            scores.lexical()[first], margin(scores.lexical()), scores.anchored() ? 1 : 0,
            scores.cosine()[first], margin(scores.cosine()), lexicalBest == cosineBest ? 1 : 0,
            first == lexicalBest ? 1 : 0, first == cosineBest ? 1 : 0, Math.log1p(scores.length()), scores.unknownShare(),
            scores.otherOfficeCosine() - scores.cosine()[first], scores.otherOfficeCosine()};
    }

    /** Topic indexes by descending score. */
    static int[] order(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer t) -> scores[t]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] ranks(double[] scores) {
        int[] order = order(scores);
        int[] rank = new int[scores.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    private static double margin(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n < 2 ? (n == 0 ? 0 : sorted[0]) : sorted[n - 1] - sorted[n - 2];
    }

    private static double max(double[] scores) {
        return Arrays.stream(scores).max().orElse(0);
    }

    private static int argmax(double[] scores) {
        int best = 0;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        return best;
    }
}
