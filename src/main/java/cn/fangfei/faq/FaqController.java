package cn.fangfei.faq;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The engine over HTTP: a JSON question endpoint and the long-form article page of each topic. */
@RestController
class FaqController {
    static final int MAX_QUESTION_CHARS = 500;

    private final AnswerEngine engine;
    private final AnswerFormatter formatter;
    private final FaqArticlePage articlePage;

    FaqController(AnswerEngine engine, AnswerFormatter formatter, FaqArticlePage articlePage) {
        this.engine = engine;
        this.formatter = formatter;
        this.articlePage = articlePage;
    }

    @GetMapping(path = "/api/ask", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ask(@RequestParam(name = "q", required = false) String question) {
        if (question == null || question.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "请提供问题,例如 /api/ask?q=什么是非法集资"));
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            return ResponseEntity.badRequest().body(Map.of("error", "问题太长,请控制在" + MAX_QUESTION_CHARS + "字以内"));
        }
        Answer answer = engine.ask(question);
        return ResponseEntity.ok(AskResult.of(answer, formatter.format(answer)));
    }

    @GetMapping(path = "/faq/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> article(@PathVariable String id) {
        return engine.topic(id)
                .map(entry -> ResponseEntity.ok(articlePage.render(entry)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(articlePage.notFound()));
    }
}
