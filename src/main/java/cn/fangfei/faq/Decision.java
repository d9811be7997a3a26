package cn.fangfei.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The fitted models, read from {@value #RESOURCE}: one fuses the two channels into a probability that
 * a topic is the one asked about, two decide from the fused ranking whether to answer with the first
 * topic, offer the top three, or fall back. The file is written by {@code DecisionFit} (in the tests)
 * from the calibration set with cross-validation; nothing in it is set by hand. The README says how.
 */
record Decision(LogisticModel ranking, LogisticModel answer, double answerThreshold,
                LogisticModel suggest, double suggestThreshold) {
    static final String RESOURCE = "faq/decision.properties";
    static final int SUGGESTIONS = 3;

    /** The fused ranking of one question: per topic its probability, and the topics best first. */
    record Ranked(double[] probability, int[] order) {
        /** The first {@code limit} topics with their probabilities. */
        List<ScoredTopic> best(ChannelScores scores, int limit) {
            List<ScoredTopic> top = new ArrayList<>();
            for (int r = 0; r < Math.min(limit, order.length); r++) {
                top.add(new ScoredTopic(scores.topics().get(order[r]), probability[order[r]]));
            }
            return List.copyOf(top);
        }
    }

    static Decision load() {
        try (InputStream in = Decision.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Decision parse(Properties properties) {
        return new Decision(model(properties, "ranking", Features.RANKING),
                model(properties, "answer", Features.DECISION), number(properties, "answer.threshold"),
                model(properties, "suggest", Features.DECISION), number(properties, "suggest.threshold"));
    }

    Ranked rank(ChannelScores scores) {
        double[][] rows = Features.ranking(scores);
        double[] probability = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            probability[t] = ranking.probability(rows[t]);
        }
        return new Ranked(probability, Features.order(probability));
    }

    Answer decide(ChannelScores scores, List<RiskCheck.Finding> findings) {
        if (scores.topics().isEmpty()) {
            return new Answer(Answer.Outcome.FALLBACK, null, 0, List.of(), findings);
        }
        Ranked ranked = rank(scores);
        List<ScoredTopic> top = ranked.best(scores, SUGGESTIONS);
        double[] x = Features.decision(scores, ranked.order(), ranked.probability());
        double confidence = answer.probability(x);
        if (confidence >= answerThreshold) {
            return new Answer(Answer.Outcome.ANSWER, top.get(0).entry(), confidence, top, findings);
        }
        Answer.Outcome outcome = suggest.probability(x) >= suggestThreshold ? Answer.Outcome.SUGGEST : Answer.Outcome.FALLBACK;
        return new Answer(outcome, null, confidence, top, findings);
    }

    /** The file {@link #load} reads, with the fit's report as comments. */
    String toProperties(List<String> comments) {
        StringBuilder out = new StringBuilder();
        comments.forEach(line -> out.append("# ").append(line).append('\n'));
        write(out, "ranking", ranking);
        write(out, "answer", answer);
        out.append(String.format(Locale.ROOT, "answer.threshold=%.6f%n", answerThreshold));
        write(out, "suggest", suggest);
        out.append(String.format(Locale.ROOT, "suggest.threshold=%.6f%n", suggestThreshold));
        return out.toString();
    }

    private static void write(StringBuilder out, String name, LogisticModel model) {
        out.append(String.format(Locale.ROOT, "%s.bias=%.6f%n", name, model.bias()));
        for (int i = 0; i < model.features().size(); i++) {
            out.append(String.format(Locale.ROOT, "%s.weight.%s=%.6f%n", name, model.features().get(i), model.weights()[i]));
        }
    }

    private static LogisticModel model(Properties properties, String name, List<String> features) {
        double[] weights = new double[features.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = number(properties, name + ".weight." + features.get(i));
        }
        return new LogisticModel(features, number(properties, name + ".bias"), weights);
    }

    private static double number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " has no " + key + ": refit it with DecisionFit");
        }
        return Double.parseDouble(value.strip());
    }
}
