package cn.fangfei.faq.console;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.console.ConsolePage;
import cn.fangfei.faq.Answer;
import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.faq.AnswerFormatter;
import cn.fangfei.faq.FaqEntry;
import cn.fangfei.faq.FaqExport;
import cn.fangfei.faq.FaqOverlay;
import cn.fangfei.faq.KnowledgeBaseEdits;
import cn.fangfei.faq.ScoredTopic;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The knowledge base as the engine answers from it now: topics with their phrasings (those added in
 * the console marked, and undoable until exported), a box to try a question and see the ranking with
 * scores, and the export of the console's additions into content/.
 */
@Controller
@ConsolePage
@RequestMapping("/console/answers")
class AnswersController {
    static final int RANKING = 10;
    static final int MAX_QUESTION_CHARS = 500;

    /** A topic in the list. */
    record TopicRow(String id, String title, int phrasings, int added, boolean isNew) {
    }

    private final AnswerEngine engine;
    private final AnswerFormatter formatter;
    private final KnowledgeBaseEdits edits;
    private final FaqExport export;
    private final AuditLog audit;

    AnswersController(AnswerEngine engine, AnswerFormatter formatter, KnowledgeBaseEdits edits, FaqExport export,
                      AuditLog audit) {
        this.engine = engine;
        this.formatter = formatter;
        this.edits = edits;
        this.export = export;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, HttpServletRequest request, Model model) {
        FaqOverlay overlay = engine.overlay();
        model.addAttribute("topics", engine.topics().stream().map(topic -> new TopicRow(topic.id(), topic.title(),
                topic.phrasings().size(), overlay.phrasingsOf(topic.id()).size(), overlay.isNewTopic(topic.id()))).toList());
        model.addAttribute("pendingPhrasings", overlay.phrasings().values().stream().mapToInt(List::size).sum());
        model.addAttribute("pendingTopics", overlay.topics().size());
        if (q != null) {
            String question = q.strip();
            model.addAttribute("q", question);
            if (question.isEmpty()) {
                model.addAttribute("error", "请输入要试问的问题");
            } else if (question.length() > MAX_QUESTION_CHARS) {
                model.addAttribute("error", "问题太长,请控制在" + MAX_QUESTION_CHARS + "字以内");
            } else {
                Answer answer = engine.ask(question);
                List<ScoredTopic> ranking = engine.ranking(question, RANKING);
                model.addAttribute("outcome", answer.outcome().name().toLowerCase(Locale.ROOT));
                model.addAttribute("outcomeLabel", QuestionsController.outcomeLabel(answer.outcome()));
                model.addAttribute("answered", answer.topic());
                model.addAttribute("reply", formatter.format(answer));
                model.addAttribute("ranking", ranking);
                model.addAttribute("topScore", ranking.isEmpty() ? 1 : Math.max(ranking.get(0).score(), 0.0001));
                audit.record(request, AuditAction.QUESTION_TRIED, answer.topic() == null ? "" : answer.topic().id(), question);
            }
        }
        return "console/answers";
    }

    @GetMapping("/{id}")
    String topic(@PathVariable String id, Model model) {
        FaqEntry topic = engine.topic(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FaqOverlay overlay = engine.overlay();
        model.addAttribute("topic", topic);
        model.addAttribute("added", overlay.phrasingsOf(id));
        model.addAttribute("isNew", overlay.isNewTopic(id));
        model.addAttribute("chatAnswer", formatter.topic(topic, List.of()));
        return "console/topic";
    }

    @PostMapping("/{id}/phrasings")
    String addPhrasing(@PathVariable String id, @RequestParam(defaultValue = "") String phrasing,
                       HttpServletRequest request, RedirectAttributes redirect) {
        try {
            edits.addPhrasing(id, phrasing, null);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/answers/" + id;
        }
        audit.record(request, AuditAction.QUESTION_ADDED_TO_TOPIC, id, phrasing.strip());
        redirect.addFlashAttribute("notice", "已添加问法:“" + phrasing.strip() + "”");
        return "redirect:/console/answers/" + id;
    }

    @PostMapping("/{id}/phrasings/remove")
    String removePhrasing(@PathVariable String id, @RequestParam(defaultValue = "") String phrasing,
                          HttpServletRequest request, RedirectAttributes redirect) {
        try {
            edits.removePhrasing(phrasing);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/answers/" + id;
        }
        audit.record(request, AuditAction.PHRASING_REMOVED, id, phrasing);
        redirect.addFlashAttribute("notice", "已撤销问法:“" + phrasing + "”");
        return "redirect:/console/answers/" + id;
    }

    @PostMapping("/{id}/remove")
    String removeTopic(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            edits.removeTopic(id);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/answers/" + id;
        }
        audit.record(request, AuditAction.TOPIC_REMOVED, id, "");
        redirect.addFlashAttribute("notice", "已撤销新建的话题 " + id);
        return "redirect:/console/answers";
    }

    /** For a deployment whose content/ is read-only: the checked files to put into content/. */
    @GetMapping("/export.zip")
    Object download(HttpServletRequest request, RedirectAttributes redirect) {
        FaqExport.Archive archive;
        try {
            archive = export.download();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/answers";
        }
        audit.record(request, AuditAction.ANSWERS_DOWNLOADED, String.join(",", archive.files()), "");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fangfei-content-" + audit.today() + ".zip").build().toString())
                .body(archive.zip());
    }

    @PostMapping("/prune")
    String prune(HttpServletRequest request, RedirectAttributes redirect) {
        int dropped = export.prune();
        if (dropped > 0) {
            audit.record(request, AuditAction.ANSWERS_PRUNED, "", dropped + " 条");
        }
        redirect.addFlashAttribute("notice", dropped == 0 ? "没有已写入内容文件的新增需要清理"
                : "已清理 " + dropped + " 条已写入内容文件的新增");
        return "redirect:/console/answers";
    }

    @PostMapping("/export")
    String export(HttpServletRequest request, RedirectAttributes redirect) {
        FaqExport.Result result;
        try {
            result = export.export();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/answers";
        }
        if (result.isEmpty()) {
            redirect.addFlashAttribute("notice", "没有需要导出的新增内容");
        } else {
            audit.record(request, AuditAction.ANSWERS_EXPORTED, String.join(",", result.files()),
                    result.phrasings() + " 条问法, " + result.topics() + " 个新话题");
            redirect.addFlashAttribute("notice", "已写入内容文件:" + String.join("、", result.files()) + "("
                    + result.phrasings() + " 条问法," + result.topics() + " 个新话题)");
        }
        return "redirect:/console/answers";
    }
}
