package cn.fangfei.faq;

/** A topic and how well a question matched it, 0 (nothing) to about 1 (every term). */
public record ScoredTopic(FaqEntry entry, double score) {
}
