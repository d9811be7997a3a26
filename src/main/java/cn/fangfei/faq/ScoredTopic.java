package cn.fangfei.faq;

/** A topic and the fitted probability that a question is about it (both channels fused, see {@link Decision}). */
public record ScoredTopic(FaqEntry entry, double score) {
}
