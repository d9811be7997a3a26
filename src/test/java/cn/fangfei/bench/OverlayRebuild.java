package cn.fangfei.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.faq.FaqEntry;
import cn.fangfei.faq.FaqOverlay;

/**
 * What an editor's change costs: the time to rebuild the index with N phrasings added from the
 * console (the step that makes a change live on an instance), and the answer time with them.
 * Usage: OverlayRebuild CONTENT_DIR N [N...].
 */
public final class OverlayRebuild {
    private static final int RUNS = 7;

    public static void main(String[] args) {
        AnswerEngine engine = new AnswerEngine();
        engine.reload(Path.of(args[0]));
        List<FaqEntry> topics = engine.fileTopics();
        List<String> questions = topics.stream().map(topic -> topic.phrasings().get(0)).toList();
        for (int a = 1; a < args.length; a++) {
            int added = Integer.parseInt(args[a]);
            FaqOverlay overlay = overlay(topics, added);
            List<Long> rebuilds = new ArrayList<>();
            for (int run = 0; run < RUNS + 2; run++) {
                long start = System.nanoTime();
                engine.apply(overlay);
                if (run >= 2) {
                    rebuilds.add(System.nanoTime() - start);
                }
            }
            List<Long> answers = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (String question : questions) {
                    long start = System.nanoTime();
                    engine.ask(question);
                    if (round >= 5) {
                        answers.add(System.nanoTime() - start);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "added=%d rebuild_median=%.0fms rebuild_max=%.0fms answer_median=%.3fms%n",
                    added, median(rebuilds) / 1e6, Collections.max(rebuilds) / 1e6, median(answers) / 1e6);
        }
    }

    /** {@code count} made-up phrasings spread over every topic, as months of editors' work would be. */
    private static FaqOverlay overlay(List<FaqEntry> topics, int count) {
        Map<String, List<String>> phrasings = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            FaqEntry topic = topics.get(i % topics.size());
            phrasings.computeIfAbsent(topic.id(), id -> new ArrayList<>())
                    .add(topic.title() + "是怎么回事 第" + i + "问");
        }
        return new FaqOverlay(count, 0, phrasings, List.of());
    }

    private static double median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
