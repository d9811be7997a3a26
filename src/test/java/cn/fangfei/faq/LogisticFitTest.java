package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LogisticFitTest {
    @Test
    void recoversTheDirectionAndSizeOfKnownEffects() {
        // Labels drawn from p = σ(-1 + 3·x0 - 2·x1) with x2 pure noise, on features of different scales.
        Random random = new Random(7);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double[] x = {random.nextGaussian(), 10 * random.nextGaussian(), random.nextGaussian()};
            rows.add(x);
            labels.add(random.nextDouble() < LogisticModel.sigmoid(-1 + 3 * x[0] - 2 * x[1] / 10));
        }
        LogisticModel model = LogisticFit.fit(List.of("x0", "x1", "x2"), rows, labels);
        assertThat(model.bias()).isBetween(-1.2, -0.8);
        assertThat(model.weights()[0]).isBetween(2.7, 3.3);
        assertThat(model.weights()[1]).isBetween(-0.23, -0.17);
        assertThat(Math.abs(model.weights()[2])).isLessThan(0.1);
    }
}
