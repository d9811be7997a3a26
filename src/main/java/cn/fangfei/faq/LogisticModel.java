package cn.fangfei.faq;

import java.util.List;

/** A fitted logistic regression over named features: {@code p = 1 / (1 + exp(-(bias + w·x)))}. */
record LogisticModel(List<String> features, double bias, double[] weights) {
    LogisticModel {
        features = List.copyOf(features);
        weights = weights.clone();
        if (weights.length != features.size()) {
            throw new IllegalArgumentException(features.size() + " features but " + weights.length + " weights");
        }
    }

    double logit(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }

    double probability(double[] x) {
        return sigmoid(logit(x));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
