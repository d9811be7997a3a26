package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    private static final Pattern LAST_LINE =
            Pattern.compile("top1=(\\d\\.\\d{3}) top3=(\\d\\.\\d{3}) ood_rejected=(\\d\\.\\d{3}) n=(\\d+)");

    /*
     * Floors the shipped engine holds on the in-repo sets (README, "离线评测", has the figures). The dev set
     * has only 15 off-topic questions, so its off-topic floor moves in steps of 0.067.
     */
    @Test
    void holdsItsFiguresOnTheDevSet() throws Exception {
        Matcher last = runOn(Path.of("src/test/resources/eval/dev.tsv"));
        assertThat(Double.parseDouble(last.group(1))).as("top1").isGreaterThanOrEqualTo(0.95);
        assertThat(Double.parseDouble(last.group(2))).as("top3").isGreaterThanOrEqualTo(0.99);
        assertThat(Double.parseDouble(last.group(3))).as("ood_rejected").isGreaterThanOrEqualTo(0.90);
        assertThat(Integer.parseInt(last.group(4))).isEqualTo(150);
    }

    /** A set written blind (from the topic list only, never from content/), and never fitted on. */
    @Test
    void generalisesToTheBlindHoldoutSet() throws Exception {
        Matcher last = runOn(Path.of("src/test/resources/eval/holdout.tsv"));
        assertThat(Double.parseDouble(last.group(1))).as("top1").isGreaterThanOrEqualTo(0.97);
        assertThat(Double.parseDouble(last.group(2))).as("top3").isGreaterThanOrEqualTo(0.99);
        assertThat(Double.parseDouble(last.group(3))).as("ood_rejected").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void countsHitsMissesAndRejectionsExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.tsv");
        Files.writeString(file, String.join("\n", List.of(
                "question\texpected",
                "什么是非法集资\twhat-is-illegal-fundraising",
                "怎么匿名举报非法集资\tanonymous-report|how-to-report",
                "什么是非法集资\tcheck-license",
                "今天晚饭吃什么好\tnone")) + "\n", StandardCharsets.UTF_8);
        Matcher last = runOn(file);
        assertThat(last.group(0)).isEqualTo("top1=0.667 top3=" + last.group(2) + " ood_rejected=1.000 n=4");
    }

    @Test
    void listsTheConfusedPairsMostFrequentFirstBeforeTheFigures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("confused.tsv");
        Files.writeString(file, String.join("\n", List.of(
                "question\texpected",
                "什么是非法集资\tcheck-license",
                "非法集资是什么意思\tcheck-license",
                "怎么举报非法集资\tfour-features",
                "什么是非法集资\twhat-is-illegal-fundraising")) + "\n", StandardCharsets.UTF_8);
        List<String> lines = output(file);
        int header = lines.indexOf("confusions (expected → got, count):");
        assertThat(header).isPositive();
        assertThat(lines.subList(header + 1, lines.size() - 1)).containsExactly(
                "  check-license → what-is-illegal-fundraising\t2",
                "  four-features → how-to-report\t1");
        assertThat(lines.get(lines.size() - 1)).startsWith("top1=0.250 ").endsWith(" n=4");
    }

    private static Matcher runOn(Path file) throws Exception {
        List<String> lines = output(file);
        Matcher last = LAST_LINE.matcher(lines.get(lines.size() - 1));
        assertThat(last.matches()).as("last line: " + lines.get(lines.size() - 1)).isTrue();
        return last;
    }

    private static List<String> output(Path file) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = EvalCommand.run(List.of(file.toString()), Path.of("content"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return List.of(bytes.toString(StandardCharsets.UTF_8).strip().split("\n"));
    }
}
