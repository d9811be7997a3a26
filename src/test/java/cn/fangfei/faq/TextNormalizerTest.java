package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer(List.of("我想问一下", "那个", "就是", "嗯"));

    @Test
    void traditionalBecomesSimplified() {
        assertThat(normalizer.normalize("舉報以後會不會被對方知道")).isEqualTo("举报以后会不会被对方知道");
    }

    @Test
    void fullWidthBecomesHalfWidthAndLowerCase() {
        assertThat(normalizer.normalize("ＮＦＴ　年化１２％")).isEqualTo("nft 年化12%");
    }

    @Test
    void fillersAndPunctuationAreDropped() {
        assertThat(normalizer.normalize("嗯，那个，我想问一下就是非法集资是啥？！")).isEqualTo("非法集资是啥");
    }

    @Test
    void punctuationKeepsWordsApart() {
        assertThat(normalizer.normalize("举报,奖励")).isEqualTo("举报 奖励");
    }
}
