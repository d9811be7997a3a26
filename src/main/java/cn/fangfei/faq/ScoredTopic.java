package cn.fangfei.faq;

/** A topic and how well a question matched it: 0 for nothing, about 1 or a little above for every term. */
public record ScoredTopic(FaqEntry entry, double score) {
}
