package cn.fangfei.faq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * Fits {@value Decision#RESOURCE} on labelled questions (never on the dev set, which is for measuring):
 * <pre>
 * java -cp ... cn.fangfei.faq.DecisionFit content src/main/resources/faq/decision.properties \
 *     src/test/resources/eval/calibration.tsv [more.tsv ...]
 * </pre>
 * Three logistic models: the ranking one on every (question, topic) pair of the in-domain questions,
 * labelled by whether the topic is the expected one; the answer one on every question, labelled by
 * whether the fused first topic is right (an off-topic question never is); the suggest one labelled by
 * whether the right topic is among the first three. The two thresholds are the ones that maximise,
 * over the out-of-fold probabilities of a {@value #FOLDS}-fold cross-validation, the share of
 * in-domain questions answered right plus the share of off-topic ones not answered (answer), and the
 * balanced accuracy of offering the choice only when it holds the right topic (suggest). The
 * cross-validated figures are printed and written into the file's header.
 */
public final class DecisionFit {
    static final int FOLDS = 5;
    /**
     * The office requires (issue 9) that at least 0.90 of questions for other offices are declined, on
     * questions nobody has seen. The cross-validated share is aimed higher, because a set of 30 such
     * questions moves in steps of 0.033: at 0.90 on calibration, unseen sets fell to 0.87.
     */
    static final double REQUIRED_DECLINED = 0.93;
    private static final long SEED = 20261203L;

    /** One labelled question with both channels' scores; {@code expected} is empty for an off-topic one. */
    private record Example(String question, Set<String> expected, ChannelScores scores) {
        boolean inDomain() {
            return !expected.isEmpty();
        }
    }

    /** Out-of-fold predictions for one question. */
    private record Prediction(Example example, String first, boolean inTop3, double answer, double suggest) {
        boolean firstRight() {
            return example.expected().contains(first);
        }
    }

    private DecisionFit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: DecisionFit CONTENT_DIR OUT.properties CALIBRATION.tsv [MORE.tsv...]");
            System.exit(2);
        }
        // Only the channels' scores are needed, not the models being refitted (they may not load any more).
        AnswerEngine engine = new AnswerEngine(null, VectorStore.NONE);
        engine.reload(Path.of(args[0]));
        List<Path> files = Arrays.stream(args).skip(2).map(Path::of).toList();
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            examples.addAll(read(engine, file));
        }
        List<Prediction> outOfFold = crossValidate(examples);
        double answerThreshold = bestAnswerThreshold(outOfFold);
        double suggestThreshold = bestSuggestThreshold(outOfFold, answerThreshold);
        String figures = figures(outOfFold, answerThreshold);
        Decision fitted = fit(examples, answerThreshold, suggestThreshold);
        List<String> header = List.of(
                "Written by DecisionFit (src/test/java/cn/fangfei/faq); do not edit by hand, refit instead.",
                "Fitted on " + files.stream().map(file -> file.getFileName().toString()).collect(Collectors.joining(" + ")) + ": " + examples.size() + " questions, "
                        + examples.stream().filter(e -> !e.inDomain()).count() + " of them off-topic.",
                FOLDS + "-fold cross-validation, out-of-fold: " + figures);
        Files.writeString(Path.of(args[1]), fitted.toProperties(header), StandardCharsets.UTF_8);
        outOfFold.stream().filter(p -> p.answer() < answerThreshold ? p.example().inDomain() : !p.firstRight())
                .forEach(p -> System.out.println("MISS " + (p.answer() >= answerThreshold ? "answer" : "declined") + "\t"
                        + p.example().question() + "\texpected=" + (p.example().inDomain() ? String.join("|", p.example().expected()) : "none")
                        + "\tfirst=" + p.first() + String.format(Locale.ROOT, "\tp=%.2f", p.answer())));
        System.out.println("cv " + figures);
    }

    private static List<Example> read(AnswerEngine engine, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t");
            if (cells.length < 2 || cells[0].isBlank()) {
                continue;
            }
            Set<String> expected = Arrays.stream(cells[1].strip().split("\\|")).map(String::strip)
                    .filter(id -> !id.equals("none")).collect(Collectors.toSet());
            examples.add(new Example(cells[0], expected, engine.scores(cells[0])));
        }
        return examples;
    }

    private static List<Prediction> crossValidate(List<Example> examples) {
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(SEED));
        List<Prediction> predictions = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> train = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % FOLDS == fold ? test : train).add(shuffled.get(i));
            }
            Decision decision = fit(train, 0.5, 0.5);
            for (Example example : test) {
                predictions.add(predict(decision, example));
            }
        }
        return predictions;
    }

    /** The three models fitted on {@code examples}, with the given thresholds. */
    private static Decision fit(List<Example> examples, double answerThreshold, double suggestThreshold) {
        List<double[]> rankingRows = new ArrayList<>();
        List<Boolean> rankingLabels = new ArrayList<>();
        for (Example example : examples) {
            if (!example.inDomain()) {
                continue;
            }
            double[][] rows = Features.ranking(example.scores());
            for (int t = 0; t < rows.length; t++) {
                rankingRows.add(rows[t]);
                rankingLabels.add(example.expected().contains(example.scores().topics().get(t).id()));
            }
        }
        LogisticModel ranking = LogisticFit.fit(Features.RANKING, rankingRows, rankingLabels);
        Decision rankingOnly = new Decision(ranking, ranking, 0, ranking, 0);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> firstRight = new ArrayList<>();
        List<Boolean> inTop3 = new ArrayList<>();
        for (Example example : examples) {
            Decision.Ranked ranked = rankingOnly.rank(example.scores());
            rows.add(Features.decision(example.scores(), ranked.order(), ranked.probability()));
            firstRight.add(example.expected().contains(id(example, ranked.order()[0])));
            inTop3.add(top3(example, ranked.order()));
        }
        return new Decision(ranking, LogisticFit.fit(Features.DECISION, rows, firstRight), answerThreshold,
                LogisticFit.fit(Features.DECISION, rows, inTop3), suggestThreshold);
    }

    private static Prediction predict(Decision decision, Example example) {
        Decision.Ranked ranked = decision.rank(example.scores());
        double[] x = Features.decision(example.scores(), ranked.order(), ranked.probability());
        return new Prediction(example, id(example, ranked.order()[0]), top3(example, ranked.order()),
                decision.answer().probability(x), decision.suggest().probability(x));
    }

    private static double bestAnswerThreshold(List<Prediction> predictions) {
        long inDomain = predictions.stream().filter(p -> p.example().inDomain()).count();
        long offTopic = predictions.size() - inDomain;
        return best(predictions.stream().map(Prediction::answer).toList(), threshold -> {
            long right = predictions.stream().filter(p -> p.answer() >= threshold && p.firstRight()).count();
            long declined = predictions.stream().filter(p -> !p.example().inDomain() && p.answer() < threshold).count();
            double rightRate = ratio(right, inDomain);
            double declinedRate = ratio(declined, offTopic);
            // Meeting the office's requirement comes first; among the thresholds that do, more right answers.
            return declinedRate >= REQUIRED_DECLINED ? 1 + rightRate : rightRate + declinedRate - 1;
        });
    }

    private static double bestSuggestThreshold(List<Prediction> predictions, double answerThreshold) {
        List<Prediction> unanswered = predictions.stream().filter(p -> p.answer() < answerThreshold).toList();
        long worth = unanswered.stream().filter(Prediction::inTop3).count();
        long not = unanswered.size() - worth;
        return best(unanswered.stream().map(Prediction::suggest).toList(), threshold -> {
            long offered = unanswered.stream().filter(p -> p.inTop3() && p.suggest() >= threshold).count();
            long spared = unanswered.stream().filter(p -> !p.inTop3() && p.suggest() < threshold).count();
            return ratio(offered, worth) + ratio(spared, not);
        });
    }

    /**
     * The threshold with the highest objective. Answering from {@code p >= t} changes only where t passes a
     * probability seen, so the candidates are those; among a run of equally good ones, the middle of the
     * interval they span, not its edge.
     */
    private static double best(List<Double> probabilities, DoubleUnaryOperator objective) {
        double[] candidates = probabilities.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        if (candidates.length == 0) {
            return 0.5;
        }
        double bestValue = Double.NEGATIVE_INFINITY;
        int from = 0;
        int to = 0;
        for (int i = 0; i < candidates.length; i++) {
            double value = objective.applyAsDouble(candidates[i]);
            if (value > bestValue + 1e-12) {
                bestValue = value;
                from = i;
                to = i;
            } else if (Math.abs(value - bestValue) <= 1e-12 && to == i - 1) {
                to = i;
            }
        }
        double lower = from > 0 ? candidates[from - 1] : candidates[from];
        return (lower + candidates[to]) / 2;
    }

    /** The eval command's figures on the out-of-fold predictions. */
    private static String figures(List<Prediction> predictions, double answerThreshold) {
        long inDomain = predictions.stream().filter(p -> p.example().inDomain()).count();
        long top1 = predictions.stream().filter(p -> p.answer() >= answerThreshold && p.firstRight()).count();
        long top3 = predictions.stream().filter(p -> p.example().inDomain() && p.inTop3()).count();
        long declined = predictions.stream().filter(p -> !p.example().inDomain() && p.answer() < answerThreshold).count();
        return String.format(Locale.ROOT, "top1=%.3f top3=%.3f ood_rejected=%.3f n=%d", ratio(top1, inDomain),
                ratio(top3, inDomain), ratio(declined, predictions.size() - inDomain), predictions.size());
    }

    private static String id(Example example, int topic) {
        return example.scores().topics().get(topic).id();
    }

    private static boolean top3(Example example, int[] order) {
        for (int r = 0; r < Math.min(Decision.SUGGESTIONS, order.length); r++) {
            if (example.expected().contains(id(example, order[r]))) {
                return true;
            }
        }
        return false;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
