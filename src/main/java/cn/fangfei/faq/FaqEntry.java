package cn.fangfei.faq;

import java.util.List;

/** One topic of the knowledge base, as an editor wrote it in content/faq/{id}.yml. */
public record FaqEntry(
        String id,
        String title,
        List<String> phrasings,
        String answer,
        String article,
        List<String> legalBasis,
        List<String> related) {
}
