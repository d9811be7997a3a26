package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SentenceEmbedderTest {
    private final SentenceEmbedder embedder = new SentenceEmbedder(VectorStore.NONE);

    @Test
    void aReloadEmbedsOnlyTheNewTextsAndForgetsTheRemovedOnes() {
        Map<String, float[]> before = embedder.embedAll("test", List.of("怎么举报非法集资", "什么是非法集资"));
        Map<String, float[]> after = embedder.embedAll("test", List.of("什么是非法集资", "以房养老是骗局吗"));

        assertThat(after.get("什么是非法集资")).as("kept, not embedded again").isSameAs(before.get("什么是非法集资"));
        assertThat(after).containsOnlyKeys("什么是非法集资", "以房养老是骗局吗");
        assertThat(SentenceEmbedder.dot(after.get("以房养老是骗局吗"), after.get("以房养老是骗局吗"))).isCloseTo(1, within(1e-5));
    }

    @Test
    void questionsAlikeInMeaningAreCloserThanQuestionsAlikeInWords() {
        float[] report = embedder.embed("怎么举报非法集资");
        assertThat(SentenceEmbedder.dot(report, embedder.embed("发现有人搞集资骗钱该向哪里反映")))
                .isGreaterThan(SentenceEmbedder.dot(report, embedder.embed("怎么办理居住证")));
    }

    @Test
    void anotherCollectionDoesNotEvictTheVectorsOfThisOne() {
        Map<String, float[]> topics = embedder.embedAll("test-topics", List.of("什么是非法集资"));
        embedder.embedAll("test-offices", List.of("怎么办理居住证"));

        assertThat(embedder.embedAll("test-topics", List.of("什么是非法集资")).get("什么是非法集资"))
                .as("kept, not embedded again").isSameAs(topics.get("什么是非法集资"));
    }

    @Test
    void storedVectorsAreReadInsteadOfEmbeddedAndNewOnesAreKept() {
        float[] stored = new float[BgeSmallZh.DIMENSION];
        stored[0] = 1;
        Map<String, float[]> kept = new HashMap<>(Map.of("什么是非法集资", stored));
        VectorStore store = new VectorStore() {
            @Override
            public Map<String, float[]> find(Collection<String> texts) {
                Map<String, float[]> found = new HashMap<>(kept);
                found.keySet().retainAll(texts);
                return found;
            }

            @Override
            public void keep(Map<String, float[]> vectors) {
                kept.putAll(vectors);
            }
        };

        Map<String, float[]> vectors = new SentenceEmbedder(store).embedAll("stored-test", List.of("什么是非法集资", "养老院让交会员费"));

        assertThat(vectors.get("什么是非法集资")).isSameAs(stored);
        assertThat(kept).containsKey("养老院让交会员费");
        assertThat(SentenceEmbedder.dot(kept.get("养老院让交会员费"), kept.get("养老院让交会员费"))).isCloseTo(1, within(1e-5));
    }

    @Test
    void theDotProductAddsEveryPairIncludingThoseAfterTheLastFullGroupOfFour() {
        assertThat(SentenceEmbedder.dot(new float[] {1, 2, 3, 4, 5}, new float[] {5, 4, 3, 2, 1})).isEqualTo(35);
        assertThat(SentenceEmbedder.dot(new float[] {1, -1, 0.5f}, new float[] {2, 2, 4})).isEqualTo(2);
    }
}
