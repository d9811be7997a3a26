package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.List;

/**
 * What the two channels make of one question, per topic: the BM25 share of the question's weight the
 * topic covers ({@link FaqIndex}) and the cosine of its closest phrasing ({@link SemanticIndex});
 * with whether the question names a domain term, its length and the share of its weight in characters
 * the knowledge base never uses, and the cosine of the closest question for another office
 * ({@link OtherOffices}), which tell a question for this office from one for another.
 */
record ChannelScores(List<FaqEntry> topics, double[] lexical, double[] cosine, boolean anchored, int length,
                     double unknownShare, double otherOfficeCosine) {
    /** The same scores without one topic: what a follow-up to that topic's answer is matched against. */
    ChannelScores without(String topicId) {
        List<FaqEntry> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            if (!topics.get(t).id().equals(topicId)) {
                kept.add(topics.get(t));
                index.add(t);
            }
        }
        return new ChannelScores(List.copyOf(kept), index.stream().mapToDouble(t -> lexical[t]).toArray(),
                index.stream().mapToDouble(t -> cosine[t]).toArray(), anchored, length, unknownShare,
                otherOfficeCosine);
    }
}
