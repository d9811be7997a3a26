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
    private static final String RISK_TOPIC = "risk-check";

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

    /** A topic's chat answer, with the self-check first when the resident described an offer. */
    public String topic(FaqEntry entry, List<RiskCheck.Finding> findings) {
        StringBuilder text = new StringBuilder();
        if (entry.id().equals(RISK_TOPIC)) {
            text.append(findings.isEmpty() ? replies.text("risk-none") : riskLines(findings)).append("\n\n");
        } else if (findings.size() >= 2) {
            text.append(riskLines(findings)).append("\n\n");
        }
        text.append(office.fill(entry.answer()));
        if (!entry.legalBasis().isEmpty()) {
            text.append("\n依据:").append(String.join("、", entry.legalBasis()));
        }
        if (!entry.article().equals(entry.answer())) {
            text.append("\n").append(replies.text("article-link", Map.of("url", site.url("/faq/" + entry.id()))));
        }
        return text.toString();
    }

    private String riskLines(List<RiskCheck.Finding> findings) {
        String lines = findings.stream()
                .map(finding -> "· " + finding.feature().name() + ":"
                        + finding.quotes().stream().map(quote -> "“" + quote + "”").collect(Collectors.joining(""))
                        + "(" + finding.feature().explain() + ")")
                .collect(Collectors.joining("\n"));
        return replies.text("risk-intro") + "\n" + lines + "\n" + replies.text("risk-outro") + "\n"
                + office.fill(engine.riskAdvice());
    }

    private String suggestions(List<ScoredTopic> suggestions) {
        StringBuilder text = new StringBuilder(replies.text("suggest-intro"));
        for (int i = 0; i < suggestions.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(suggestions.get(i).entry().title());
        }
        return text.append("\n").append(replies.text("suggest-outro")).toString();
    }
}
