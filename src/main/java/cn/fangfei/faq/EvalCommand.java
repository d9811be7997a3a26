package cn.fangfei.faq;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code java -jar fangfei.jar eval FILE.tsv}: measures the engine on labelled questions, with no
 * Redis and no web server. Rows are {@code question<TAB>expected} after a header; expected is a topic
 * id, ids joined by '|', or {@code none} for a question the office does not handle. It prints each miss,
 * then the confusion pairs (expected → got, most frequent first) so an editor sees which topics collide,
 * and last {@code top1=… top3=… ood_rejected=… n=N}.
 */
public final class EvalCommand {
    private EvalCommand() {
    }

    /** Returns the process exit code. */
    public static int run(List<String> args, Path contentDir, PrintStream out) throws IOException {
        if (args.size() != 1) {
            out.println("usage: java -jar fangfei.jar eval FILE.tsv   (content from FANGFEI_CONTENT_DIR, default ./content)");
            return 2;
        }
        AnswerEngine engine = new AnswerEngine();
        engine.reload(contentDir);
        List<String> rows = Files.readAllLines(Path.of(args.get(0)), StandardCharsets.UTF_8);
        int inDomain = 0, top1 = 0, top3 = 0, outOfDomain = 0, rejected = 0, n = 0;
        Map<String, Integer> confusions = new HashMap<>();
        for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String[] cells = row.split("\t");
            if (cells.length < 2 || cells[0].isBlank()) {
                continue;
            }
            n++;
            String question = cells[0];
            Set<String> expected = Arrays.stream(cells[1].strip().split("\\|")).map(String::strip)
                    .collect(Collectors.toSet());
            Answer answer = engine.ask(question);
            String got = answer.topic() == null ? "none" : answer.topic().id();
            String ranked = answer.suggestions().stream()
                    .map(s -> s.entry().id() + String.format(Locale.ROOT, "(%.2f)", s.score()))
                    .collect(Collectors.joining(" "));
            if (expected.contains("none")) {
                outOfDomain++;
                if (answer.topic() == null) {
                    rejected++;
                } else {
                    out.println("MISS ood\t" + question + "\tgot=" + got + "\ttop3=" + ranked);
                    confusions.merge("none → " + got, 1, Integer::sum);
                }
                continue;
            }
            inDomain++;
            boolean hit = expected.contains(got);
            boolean inTop3 = answer.suggestions().stream().anyMatch(s -> expected.contains(s.entry().id()));
            top1 += hit ? 1 : 0;
            top3 += inTop3 ? 1 : 0;
            if (!hit) {
                out.println("MISS " + answer.outcome().name().toLowerCase(Locale.ROOT) + "\t" + question
                        + "\texpected=" + cells[1].strip() + "\tgot=" + got + "\ttop3=" + ranked);
                confusions.merge(cells[1].strip() + " → " + got, 1, Integer::sum);
            }
        }
        out.println("confusions (expected → got, count):");
        confusions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(pair -> out.println("  " + pair.getKey() + "\t" + pair.getValue()));
        out.printf(Locale.ROOT, "top1=%.3f top3=%.3f ood_rejected=%.3f n=%d%n",
                ratio(top1, inDomain), ratio(top3, inDomain), ratio(rejected, outOfDomain), n);
        return 0;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
