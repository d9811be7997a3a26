package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The fused ranking and the decision on fixed inputs, with models whose weights are fixed here. */
class DecisionTest {
    private static final List<FaqEntry> TOPICS = List.of(topic("a"), topic("b"), topic("c"));

    /**
     * Ranking: logit = -3 + 2·lexical + 4·cosine. Answer: logit = -2 + 4·fused_probability + 2·channels_agree,
     * answered at 0.8. Suggest: logit = -6 + 8·cosine_of_first, offered at 0.5 (cosine of the first ≥ 0.75).
     */
    private static final Decision DECISION = Decision.parse(properties());

    @Test
    void theFusedRankingWeighsBothChannels() {
        // a leads on words, b on meaning; with these weights meaning wins: b 1.4, a 0.8, c -1.6.
        ChannelScores scores = new ChannelScores(TOPICS, new double[] {0.9, 0.4, 0.1}, new double[] {0.5, 0.9, 0.3}, true, 10, 0, -1);
        Decision.Ranked ranked = DECISION.rank(scores);
        assertThat(ranked.order()).containsExactly(1, 0, 2);
        assertThat(ranked.probability()[1]).isCloseTo(LogisticModel.sigmoid(1.4), within(1e-12));
        assertThat(ranked.probability()[0]).isCloseTo(LogisticModel.sigmoid(0.8), within(1e-12));
    }

    @Test
    void rankingFeaturesCompareEachTopicWithTheBestOfItsChannel() {
        ChannelScores scores = new ChannelScores(TOPICS, new double[] {0.9, 0.45, 0.0}, new double[] {0.5, 0.9, 0.3}, true, 10, 0, -1);
        double[] b = Features.ranking(scores)[1];
        assertThat(b).containsExactly(new double[] {0.45, 0.5, 0.9, 0.0, 0.5, 1.0}, within(1e-12));
    }

    @Test
    void answersWhenTheFittedModelIsSureEnough() {
        // Both channels put a first: fused σ(2.0) = 0.88 → answer logit -2 + 4·0.88 + 2 = 3.52, p 0.97.
        ChannelScores agreeing = new ChannelScores(TOPICS, new double[] {0.9, 0.2, 0.1}, new double[] {0.8, 0.5, 0.3}, true, 10, 0, -1);
        Answer answer = DECISION.decide(agreeing, List.of());
        assertThat(answer.outcome()).isEqualTo(Answer.Outcome.ANSWER);
        assertThat(answer.topic().id()).isEqualTo("a");
        assertThat(answer.suggestions()).extracting(s -> s.entry().id()).containsExactly("a", "b", "c");
    }

    @Test
    void offersTheTopThreeWhenUnsureButClose() {
        // The channels disagree (a on words, b on meaning): b first at σ(1.4) = 0.80, answer p σ(1.21) = 0.77 < 0.8;
        // b's cosine 0.9 ≥ 0.75 makes the choice worth offering.
        ChannelScores split = new ChannelScores(TOPICS, new double[] {0.9, 0.4, 0.1}, new double[] {0.5, 0.9, 0.3}, true, 10, 0, -1);
        Answer answer = DECISION.decide(split, List.of());
        assertThat(answer.outcome()).isEqualTo(Answer.Outcome.SUGGEST);
        assertThat(answer.topic()).isNull();
        assertThat(answer.suggestions()).extracting(s -> s.entry().id()).containsExactly("b", "a", "c");
    }

    @Test
    void fallsBackWhenNothingIsClose() {
        // b first at σ(-0.8) = 0.31 with both channels agreeing: answer p σ(1.24) = 0.78 < 0.8; cosine 0.4 < 0.75.
        ChannelScores far = new ChannelScores(TOPICS, new double[] {0.1, 0.3, 0.05}, new double[] {0.2, 0.4, 0.1}, false, 10, 0, -1);
        Answer answer = DECISION.decide(far, List.of());
        assertThat(answer.outcome()).isEqualTo(Answer.Outcome.FALLBACK);
        assertThat(answer.suggestions()).hasSize(3);
    }

    @Test
    void aFollowUpIsMatchedWithoutThePreviousTopic() {
        ChannelScores scores = new ChannelScores(TOPICS, new double[] {0.9, 0.4, 0.1}, new double[] {0.5, 0.9, 0.3}, true, 10, 0, -1);
        ChannelScores without = scores.without("b");
        assertThat(without.topics()).extracting(FaqEntry::id).containsExactly("a", "c");
        assertThat(without.lexical()).containsExactly(0.9, 0.1);
        assertThat(without.cosine()).containsExactly(0.5, 0.3);
    }

    @Test
    void theShippedModelsLoadWithEveryFeature() {
        Decision shipped = Decision.load();
        assertThat(shipped.ranking().features()).isEqualTo(Features.RANKING);
        assertThat(shipped.answer().features()).isEqualTo(Features.DECISION);
        assertThat(shipped.answerThreshold()).isBetween(0.0, 1.0);
        assertThat(shipped.suggestThreshold()).isBetween(0.0, 1.0);
    }

    @Test
    void aModelFileMissingAWeightIsRefusedByName() {
        Properties incomplete = properties();
        incomplete.remove("answer.weight.anchored");
        assertThatThrownBy(() -> Decision.parse(incomplete)).hasMessageContaining("answer.weight.anchored");
    }

    private static Properties properties() {
        Properties p = new Properties();
        zero(p, "ranking", Features.RANKING);
        p.setProperty("ranking.bias", "-3");
        p.setProperty("ranking.weight.lexical", "2");
        p.setProperty("ranking.weight.cosine", "4");
        zero(p, "answer", Features.DECISION);
        p.setProperty("answer.bias", "-2");
        p.setProperty("answer.weight.fused_probability", "4");
        p.setProperty("answer.weight.channels_agree", "2");
        p.setProperty("answer.threshold", "0.8");
        zero(p, "suggest", Features.DECISION);
        p.setProperty("suggest.bias", "-6");
        p.setProperty("suggest.weight.cosine_of_first", "8");
        p.setProperty("suggest.threshold", "0.5");
        return p;
    }

    private static void zero(Properties p, String model, List<String> features) {
        p.setProperty(model + ".bias", "0");
        features.forEach(feature -> p.setProperty(model + ".weight." + feature, "0"));
    }

    private static FaqEntry topic(String id) {
        return new FaqEntry(id, "话题" + id, List.of("问法" + id), "回答" + id, "回答" + id, List.of(), List.of());
    }
}
