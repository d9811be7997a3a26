package cn.fangfei.faq;

import java.util.List;
import java.util.regex.Pattern;

/** One of the four features of illegal fundraising, with the phrases that betray it (content/risk-signals.yml). */
record RiskFeature(String id, String name, String explain, List<String> signals, List<Pattern> patterns) {
}
