package cn.fangfei.faq.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.console.ConsolePage;
import cn.fangfei.faq.Answer;
import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.faq.EditRejected;
import cn.fangfei.faq.FaqEntry;
import cn.fangfei.faq.KnowledgeBaseEdits;
import cn.fangfei.faq.UnansweredLog;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The questions residents asked that got the fallback, most asked first, each with what the engine
 * answers now. One click adds a question to the topic the engine ranks first (or another one chosen),
 * or starts a new topic with it; the change is live at once on every instance.
 */
@Controller
@ConsolePage
@RequestMapping("/console/questions")
class QuestionsController {
    static final int SHOWN = 100;

    /** One logged question, and what happens to it now. */
    record Row(String question, long count, long lastAskedMillis, String outcome, String outcomeLabel,
               String answeredTitle, double score, String bestTopicId) {
    }

    private final UnansweredLog unanswered;
    private final AnswerEngine engine;
    private final KnowledgeBaseEdits edits;
    private final AuditLog audit;

    QuestionsController(UnansweredLog unanswered, AnswerEngine engine, KnowledgeBaseEdits edits, AuditLog audit) {
        this.unanswered = unanswered;
        this.engine = engine;
        this.edits = edits;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        List<Row> rows = unanswered.top(SHOWN).stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", unanswered.size());
        model.addAttribute("topics", topicsByTitle());
        return "console/questions";
    }

    @PostMapping("/add")
    String addToTopic(@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String topic,
                      HttpServletRequest request, RedirectAttributes redirect) {
        try {
            edits.addPhrasing(topic, question, question);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/questions";
        }
        audit.record(request, AuditAction.QUESTION_ADDED_TO_TOPIC, topic, question);
        redirect.addFlashAttribute("notice", "已加入话题“" + titleOf(topic) + "”。" + nowAnswers(question));
        return "redirect:/console/questions";
    }

    @PostMapping("/dismiss")
    String dismiss(@RequestParam(defaultValue = "") String question, HttpServletRequest request,
                   RedirectAttributes redirect) {
        if (question.isBlank()) {
            redirect.addFlashAttribute("error", "没有指定要忽略的问题");
            return "redirect:/console/questions";
        }
        unanswered.dismiss(question);
        audit.record(request, AuditAction.QUESTION_DISMISSED, "", question);
        redirect.addFlashAttribute("notice", "已忽略:“" + question + "”");
        return "redirect:/console/questions";
    }

    @GetMapping("/new-topic")
    String newTopicForm(@RequestParam(defaultValue = "") String question, Model model) {
        model.addAttribute("form", new KnowledgeBaseEdits.NewTopic("", "", "", question));
        model.addAttribute("question", question);
        return "console/new-topic";
    }

    @PostMapping("/new-topic")
    String newTopic(KnowledgeBaseEdits.NewTopic form, @RequestParam(defaultValue = "") String question,
                    HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            edits.addTopic(form, question.isBlank() ? null : question);
        } catch (IllegalArgumentException e) {
            model.addAttribute("form", form);
            model.addAttribute("question", question);
            model.addAttribute("problems", e instanceof EditRejected rejected ? rejected.problems() : List.of(e.getMessage()));
            return "console/new-topic";
        }
        String id = form.id().strip();
        audit.record(request, AuditAction.TOPIC_CREATED, id, form.title());
        redirect.addFlashAttribute("notice", "已新建话题“" + titleOf(id) + "”,现在就能回答。"
                + (question.isBlank() ? "" : nowAnswers(question)));
        return "redirect:/console/answers/" + id;
    }

    private Row row(UnansweredLog.Entry entry) {
        Answer answer = engine.ask(entry.question());
        // A question the engine declined has no topic worth proposing: the editor picks one.
        FaqEntry best = answer.outcome() == Answer.Outcome.FALLBACK || answer.suggestions().isEmpty() ? null
                : answer.suggestions().get(0).entry();
        String outcome = answer.outcome().name().toLowerCase(Locale.ROOT);
        return new Row(entry.question(), entry.count(), entry.lastAskedMillis(), outcome, outcomeLabel(answer.outcome()),
                answer.topic() == null ? null : answer.topic().title(), answer.score(), best == null ? null : best.id());
    }

    private String nowAnswers(String question) {
        Answer answer = engine.ask(question);
        return switch (answer.outcome()) {
            case ANSWER -> "现在回答:“" + answer.topic().title() + "”(得分 " + String.format(Locale.ROOT, "%.2f", answer.score()) + ")";
            case SUGGEST -> "现在列出几个可能的话题让居民选择";
            case FALLBACK -> "现在仍然是兜底回复";
        };
    }

    private String titleOf(String topicId) {
        return engine.topic(topicId).map(FaqEntry::title).orElse(topicId);
    }

    private List<FaqEntry> topicsByTitle() {
        return engine.topics().stream().sorted(Comparator.comparing(FaqEntry::title)).toList();
    }

    static String outcomeLabel(Answer.Outcome outcome) {
        return switch (outcome) {
            case ANSWER -> "回答";
            case SUGGEST -> "列出选项";
            case FALLBACK -> "兜底";
        };
    }
}
