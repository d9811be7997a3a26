package cn.fangfei.faq;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import cn.fangfei.content.OfficeContacts;

/** The article page of a topic: the long text, the legal basis and links to related topics, readable on a phone. */
@Component
class FaqArticlePage {
    private static final String HEAD = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s - 防非助手</title>
            <style>body{font:18px/1.7 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40em;margin:0 auto;padding:1em;color:#222}
            h1{font-size:1.3em}.basis{color:#555;font-size:.9em}a{color:#1a6fb5}</style></head><body>
            """;

    private final AnswerEngine engine;
    private final OfficeContacts office;

    FaqArticlePage(AnswerEngine engine, OfficeContacts office) {
        this.engine = engine;
        this.office = office;
    }

    String render(FaqEntry entry) {
        StringBuilder html = new StringBuilder(HEAD.formatted(escape(entry.title())));
        html.append("<h1>").append(escape(entry.title())).append("</h1>");
        for (String paragraph : office.fill(entry.article()).split("\n+")) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (!entry.legalBasis().isEmpty()) {
            html.append("<p class=\"basis\">依据:").append(escape(String.join("、", entry.legalBasis()))).append("</p>");
        }
        String related = entry.related().stream()
                .flatMap(id -> engine.topic(id).stream())
                .map(topic -> "<li><a href=\"/faq/" + topic.id() + "\">" + escape(topic.title()) + "</a></li>")
                .collect(Collectors.joining());
        if (!related.isEmpty()) {
            html.append("<h2>相关问题</h2><ul>").append(related).append("</ul>");
        }
        return html.append("</body></html>").toString();
    }

    String notFound() {
        return HEAD.formatted("未找到") + "<h1>没有找到这篇说明</h1><p>请回到公众号直接提问。</p></body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
