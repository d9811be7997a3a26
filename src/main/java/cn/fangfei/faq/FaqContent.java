package cn.fangfei.faq;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the answering engine reads from content/, checked and ready to index. */
record FaqContent(
        List<FaqEntry> entries,
        Map<String, String> dictionary,
        Map<String, String> synonyms,
        List<String> fillers,
        Set<String> stopwords,
        Set<String> greetings,
        Set<String> thanks,
        List<String> otherOffices,
        RiskCheck riskCheck) {
}
