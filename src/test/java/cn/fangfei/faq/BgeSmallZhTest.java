package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BgeSmallZhTest {
    private final BgeSmallZh model = new BgeSmallZh();

    @Test
    void batchesGiveTheVectorsOfOneByOneInTheOrderAsked() {
        List<String> texts = new ArrayList<>(List.of("什么是非法集资", "举报", "家里老人在养老院交了十万块会员费,说每年返百分之十五,这是不是非法集资",
                "以房养老是骗局吗", "虚拟货币挖矿能赚钱吗"));
        for (int i = 0; i < 40; i++) {
            texts.add("第" + i + "个问题:投资" + "理财".repeat(i % 7) + "能保本吗");
        }

        float[][] batched = model.embedBatched(texts);

        assertThat(batched.length).isEqualTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = model.embed(texts.get(i)).content().vector();
            assertThat(cosine(batched[i], alone)).as(texts.get(i)).isGreaterThan(0.99999);
        }
    }

    @Test
    void aTextLongerThanTheModelTakesIsStillEmbeddedLikeOnItsOwn() {
        String longText = "有人在村里办讲座,说投资养老项目每月返利,".repeat(40);

        float[][] batched = model.embedBatched(List.of("举报", longText));

        assertThat(cosine(batched[1], model.embed(longText).content().vector())).isGreaterThan(0.99999);
    }

    private static double cosine(float[] a, float[] b) {
        double na = 0;
        double nb = 0;
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] * a[i];
            nb += b[i] * b[i];
            dot += a[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
