package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {
    private final SentenceEmbedder embedder = new SentenceEmbedder();

    @Test
    void aReloadEmbedsOnlyTheNewTextsAndForgetsTheRemovedOnes() {
        Map<String, float[]> before = embedder.embedAll(List.of("怎么举报非法集资", "什么是非法集资"));
        Map<String, float[]> after = embedder.embedAll(List.of("什么是非法集资", "以房养老是骗局吗"));

        assertThat(after.get("什么是非法集资")).as("kept, not embedded again").isSameAs(before.get("什么是非法集资"));
        assertThat(after).containsOnlyKeys("什么是非法集资", "以房养老是骗局吗");
        assertThat(dot(after.get("以房养老是骗局吗"), after.get("以房养老是骗局吗"))).isCloseTo(1, within(1e-5));
    }

    @Test
    void questionsAlikeInMeaningAreCloserThanQuestionsAlikeInWords() {
        float[] report = embedder.embed("怎么举报非法集资");
        assertThat(dot(report, embedder.embed("发现有人搞集资骗钱该向哪里反映")))
                .isGreaterThan(dot(report, embedder.embed("怎么办理居住证")));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
