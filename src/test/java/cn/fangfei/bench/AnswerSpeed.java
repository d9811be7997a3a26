package cn.fangfei.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import cn.fangfei.faq.AnswerEngine;

/**
 * Time per answer of the engine alone (normalise, correct, segment, both channels, decide), after a
 * warm-up, over a question file: for questions asked before (their vectors are kept) and for questions
 * never asked before (each one embedded; made new by numbering the resident asking).
 * Usage: AnswerSpeed CONTENT_DIR QUESTIONS_TSV ROUNDS.
 */
public final class AnswerSpeed {
    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        AnswerEngine engine = new AnswerEngine();
        engine.reload(Path.of(args[0]));
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        List<String> questions = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split("\t")[0]).filter(q -> !q.isBlank()).toList();
        int rounds = Integer.parseInt(args[2]);
        for (int i = 0; i < 20; i++) {
            questions.forEach(engine::ask);
        }
        List<Long> repeated = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String question : questions) {
                repeated.add(time(engine, question));
                fresh.add(time(engine, "我是" + round + "组的村民," + question));
            }
        }
        System.out.printf(Locale.ROOT, "load=%.0fms%n", loadMs);
        print("asked before", repeated);
        print("never asked ", fresh);
    }

    private static long time(AnswerEngine engine, String question) {
        long start = System.nanoTime();
        engine.ask(question);
        return System.nanoTime() - start;
    }

    private static void print(String kind, List<Long> times) {
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "%s answers=%d median=%.3fms p99=%.3fms max=%.3fms%n", kind, times.size(),
                times.get(times.size() / 2) / 1e6, times.get((int) (times.size() * 0.99)) / 1e6,
                times.get(times.size() - 1) / 1e6);
    }
}
