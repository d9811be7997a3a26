package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-check for a resident who describes an offer: which of the four features
 * (非法性 公开性 利诱性 社会性) the text shows, and the phrases that show them.
 */
final class RiskCheck {
    /** A feature found in the text, with the phrases quoted back to the resident. */
    record Finding(RiskFeature feature, List<String> quotes) {
    }

    private static final int MAX_QUOTES = 3;

    private final List<RiskFeature> features;
    private final String advice;

    RiskCheck(List<RiskFeature> features, String advice) {
        this.features = List.copyOf(features);
        this.advice = advice;
    }

    String advice() {
        return advice;
    }

    List<Finding> assess(String cleanText) {
        List<Finding> findings = new ArrayList<>();
        for (RiskFeature feature : features) {
            Set<String> quotes = new LinkedHashSet<>();
            for (Pattern pattern : feature.patterns()) {
                Matcher matcher = pattern.matcher(cleanText);
                while (matcher.find() && quotes.size() < MAX_QUOTES) {
                    quotes.add(matcher.group().strip());
                }
            }
            for (String signal : feature.signals()) {
                if (quotes.size() < MAX_QUOTES && cleanText.contains(signal)
                        && quotes.stream().noneMatch(quote -> quote.contains(signal))) {
                    quotes.add(signal);
                }
            }
            if (!quotes.isEmpty()) {
                findings.add(new Finding(feature, List.copyOf(quotes)));
            }
        }
        return findings;
    }
}
