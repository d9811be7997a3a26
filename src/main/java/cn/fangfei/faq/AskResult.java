package cn.fangfei.faq;

import java.util.List;

/** The JSON of GET /api/ask: the topic answered (null when none), and the top three with their scores. */
record AskResult(String outcome, String topic, String title, double score, String answer, List<Suggestion> suggestions) {
    record Suggestion(String topic, String title, double score) {
    }

    static AskResult of(Answer answer, String text) {
        List<Suggestion> suggestions = answer.suggestions().stream()
                .map(s -> new Suggestion(s.entry().id(), s.entry().title(), round(s.score())))
                .toList();
        FaqEntry topic = answer.topic();
        return new AskResult(answer.outcome().name().toLowerCase(java.util.Locale.ROOT),
                topic == null ? null : topic.id(), topic == null ? null : topic.title(),
                round(answer.score()), text, suggestions);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
