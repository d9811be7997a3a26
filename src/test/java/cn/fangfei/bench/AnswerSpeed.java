package cn.fangfei.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.fangfei.faq.AnswerEngine;

/**
 * Time per answer of the engine alone (normalise, correct, segment, both channels, decide), after a
 * warm-up on one question file: for the questions of that file, asked again (their vectors are kept),
 * and for the questions of the other files, each asked once and never before (each one embedded).
 * The new questions are residents' own, as long as they come: a made-up prefix would lengthen them, and
 * an inference costs more the longer the text.
 * Usage: AnswerSpeed CONTENT_DIR ASKED_TSV ROUNDS NEW_TSV...
 */
public final class AnswerSpeed {
    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        AnswerEngine engine = new AnswerEngine();
        engine.reload(Path.of(args[0]));
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        List<String> asked = questions(Path.of(args[1]));
        int rounds = Integer.parseInt(args[2]);
        Set<String> fresh = new LinkedHashSet<>();
        for (String file : Arrays.asList(args).subList(3, args.length)) {
            fresh.addAll(questions(Path.of(file)));
        }
        fresh.removeAll(asked);
        for (int i = 0; i < 20; i++) {
            asked.forEach(engine::ask);
        }
        List<Long> repeated = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String question : asked) {
                repeated.add(time(engine, question));
            }
        }
        List<Long> neverAsked = new ArrayList<>();
        for (String question : fresh) {
            neverAsked.add(time(engine, question));
        }
        System.out.printf(Locale.ROOT, "load=%.0fms%n", loadMs);
        print("asked before", repeated);
        print("never asked ", neverAsked);
    }

    private static List<String> questions(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .skip(1).map(line -> line.split("\t")[0]).filter(q -> !q.isBlank()).toList();
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
