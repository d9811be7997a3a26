package cn.fangfei.faq;

import java.util.List;

/**
 * What the engine makes of one question. Only {@link Outcome#ANSWER} names a topic; a
 * {@link Outcome#SUGGEST} offers the top three to choose from; a {@link Outcome#FALLBACK} has none.
 * {@code score} is the fitted probability that the first suggestion is the right answer.
 */
public record Answer(Outcome outcome, FaqEntry topic, double score, List<ScoredTopic> suggestions,
                     List<RiskCheck.Finding> riskFindings) {
    public enum Outcome { ANSWER, SUGGEST, FALLBACK }
}
