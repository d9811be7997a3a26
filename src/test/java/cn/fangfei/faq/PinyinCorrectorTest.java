package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PinyinCorrectorTest {
    private final PinyinCorrector corrector = new PinyinCorrector(Set.of("非法集资", "举报", "集资", "传销", "区块链", "奖励"));

    @Test
    void repairsHomophoneTyposOfDomainTerms() {
        assertThat(corrector.correct("飞法集资怎么举包")).isEqualTo("非法集资怎么举报");
        assertThat(corrector.correct("区快链挖矿")).isEqualTo("区块链挖矿");
        assertThat(corrector.correct("能给多少讲励")).isEqualTo("能给多少奖励");
    }

    @Test
    void leavesCorrectTextAndUnrelatedWordsAlone() {
        assertThat(corrector.correct("非法集资怎么举报")).isEqualTo("非法集资怎么举报");
        assertThat(corrector.correct("明天天气怎么样")).isEqualTo("明天天气怎么样");
    }

    @Test
    void needsASharedCharacterSoThatPureSoundAlikesAreNotRewritten() {
        // 船销 shares 销 with 传销 and is repaired; 专卖 sounds like nothing in the list and is kept.
        assertThat(corrector.correct("船销")).isEqualTo("传销");
        assertThat(corrector.correct("专卖店")).isEqualTo("专卖店");
    }
}
