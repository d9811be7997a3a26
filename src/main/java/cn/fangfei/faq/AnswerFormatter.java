package cn.fangfei.faq;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.content.Replies;

/** Writes an {@link Answer} as the chat text a resident reads. */
@Component
public class AnswerFormatter {
    static final String RISK_TOPIC = "risk-check";
    /** A chat bubble a resident reads at once; the article behind the link has the rest. */
    static final int RISK_REPLY_MAX_CHARS = 300;
    private static final int QUOTES_PER_FEATURE = 2;
    private static final int QUOTE_MAX_CHARS = 12;

    private final Replies replies;
    private final OfficeContacts office;
    private final SiteProperties site;
    private final AnswerEngine engine;

    public AnswerFormatter(Replies replies, OfficeContacts office, SiteProperties site, AnswerEngine engine) {
        this.replies = replies;
        this.office = office;
        this.site = site;
        this.engine = engine;
    }

    public String format(Answer answer) {
        return switch (answer.outcome()) {
            case ANSWER -> topic(answer.topic(), answer.riskFindings());
            case SUGGEST -> suggestions(answer.suggestions());
            case FALLBACK -> replies.text("fallback");
        };
    }

    /**
     * A topic's chat answer. A resident who described an offer gets the self-check instead of the
     * risk-check topic's general answer: the features found with the resident's own words, the advice and
     * the link, within {@value #RISK_REPLY_MAX_CHARS} characters; what each feature means is in the article.
     * Other topics answered for such a description name the features found in one line first.
     */
    public String topic(FaqEntry entry, List<RiskCheck.Finding> findings) {
        StringBuilder text = new StringBuilder();
        if (entry.id().equals(RISK_TOPIC) && !findings.isEmpty()) {
            text.append(selfCheck(findings));
        } else {
            if (entry.id().equals(RISK_TOPIC)) {
                text.append(replies.text("risk-none")).append("\n\n");
            } else if (findings.size() >= 2) {
                text.append(replies.text("risk-brief", Map.of("features", featureNames(findings)))).append("\n\n");
            }
            text.append(office.fill(entry.answer()));
            if (!entry.legalBasis().isEmpty()) {
                text.append("\n依据:").append(String.join("、", entry.legalBasis()));
            }
        }
        if (!entry.article().equals(entry.answer()) || entry.id().equals(RISK_TOPIC)) {
            text.append("\n").append(replies.text("article-link", Map.of("url", site.url("/faq/" + entry.id()))));
        }
        return text.toString();
    }

    private String selfCheck(List<RiskCheck.Finding> findings) {
        String lines = findings.stream()
                .map(finding -> "· " + finding.feature().name() + ":" + distinct(finding.quotes()).stream()
                        .limit(QUOTES_PER_FEATURE).map(quote -> "“" + shorten(quote) + "”").collect(Collectors.joining("")))
                .collect(Collectors.joining("\n"));
        return replies.text("risk-intro") + "\n" + lines + "\n" + replies.text("risk-outro") + "\n"
                + office.fill(engine.riskAdvice());
    }

    private static String featureNames(List<RiskCheck.Finding> findings) {
        return findings.stream().map(finding -> finding.feature().name()).collect(Collectors.joining("、"));
    }

    /** The quotes without those another quote already contains ("返三千" beside "每月返三千"). */
    private static List<String> distinct(List<String> quotes) {
        return quotes.stream()
                .filter(quote -> quotes.stream().noneMatch(other -> !other.equals(quote) && other.contains(quote)))
                .toList();
    }

    private static String shorten(String quote) {
        return quote.length() <= QUOTE_MAX_CHARS ? quote : quote.substring(0, QUOTE_MAX_CHARS) + "…";
    }

    private String suggestions(List<ScoredTopic> suggestions) {
        StringBuilder text = new StringBuilder(replies.text("suggest-intro"));
        for (int i = 0; i < suggestions.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(suggestions.get(i).entry().title());
        }
        return text.append("\n").append(replies.text("suggest-outro")).toString();
    }
}
