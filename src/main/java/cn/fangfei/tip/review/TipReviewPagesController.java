package cn.fangfei.tip.review;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.console.ConsolePage;
import cn.fangfei.content.Replies;
import cn.fangfei.tip.Ledger;
import cn.fangfei.tip.RiskLevel;
import cn.fangfei.tip.TipConflictException;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipRecord;
import cn.fangfei.tip.TipReview;
import cn.fangfei.tip.TipStatus;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reviewers' pages, on the tip feature's own services (cn.fangfei.tip): the four queues, a tip
 * with its decrypted text, attachments, history and messages, and the actions on it. Opening a tip is
 * audited before its text is shown; attachments and the monthly ledger download through the tip API
 * (/api/tips/**), whose calls the audit records as well.
 */
@Controller
@ConsolePage
@RequestMapping("/console/tips")
class TipReviewPagesController {
    /** The queues, as the page names them. */
    enum Queue {
        PENDING("pending", "待认领"), MINE("mine", "我的"), OVERDUE("overdue", "超时"), DEAD_LETTER("dead-letter", "死信");

        final String key;
        final String label;

        Queue(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Optional<Queue> of(String key) {
            for (Queue queue : values()) {
                if (queue.key.equals(key)) {
                    return Optional.of(queue);
                }
            }
            return Optional.empty();
        }
    }

    private final TipLists lists;
    private final TipReview review;
    private final TipViews views;
    private final Ledger ledger;
    private final Replies replies;
    private final AuditLog audit;
    private final Clock clock;

    TipReviewPagesController(TipLists lists, TipReview review, TipViews views, Ledger ledger, Replies replies, AuditLog audit,
                   Clock clock) {
        this.lists = lists;
        this.review = review;
        this.views = views;
        this.ledger = ledger;
        this.replies = replies;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "pending") String queue, HttpServletRequest request, Model model) {
        Queue shown = Queue.of(queue).orElse(Queue.PENDING);
        List<TipRecord> tips = switch (shown) {
            case PENDING -> lists.pending();
            case MINE -> lists.heldBy(request.getUserPrincipal().getName());
            case OVERDUE -> lists.overdue(clock.instant());
            case DEAD_LETTER -> lists.deadLetter();
        };
        YearMonth month = YearMonth.now(clock);
        model.addAttribute("queues", Queue.values());
        model.addAttribute("queue", shown);
        model.addAttribute("tips", views.summaries(tips));
        model.addAttribute("sla", lists.slaDescription());
        model.addAttribute("month", month);
        model.addAttribute("months", List.of(month, month.minusMonths(1), month.minusMonths(2)));
        model.addAttribute("ledger", ledger.counters(month));
        return "console/tips";
    }

    @PostMapping("/claim")
    String claimNext(HttpServletRequest request, RedirectAttributes redirect) {
        String reviewer = request.getUserPrincipal().getName();
        Optional<TipRecord> claimed = review.claimNext(reviewer);
        if (claimed.isEmpty()) {
            redirect.addFlashAttribute("notice", "没有等待认领的线索");
            return "redirect:/console/tips";
        }
        audit.record(request, AuditAction.TIP_CLAIMED, claimed.get().id(), "");
        redirect.addFlashAttribute("notice", "已认领线索 " + claimed.get().id());
        return "redirect:/console/tips/" + claimed.get().id();
    }

    /** The decrypted tip: the view is written to the audit log first, and without that nothing is shown. */
    @GetMapping("/{id}")
    String tip(@PathVariable String id, HttpServletRequest request, Model model) {
        TipRecord tip = review.get(id);
        audit.record(request, AuditAction.TIP_VIEWED, id, "");
        model.addAttribute("tip", views.detail(tip));
        model.addAttribute("statuses", TipStatus.values());
        model.addAttribute("risks", RiskLevel.values());
        return "console/tip";
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable String id, @RequestParam(defaultValue = "") String status,
                  @RequestParam(defaultValue = "") String note, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            TipStatus chosen = TipStatus.fromLabel(status).orElseThrow(() -> new TipConflictException("请选择一个状态"));
            review.setStatus(id, chosen, note, reviewer(request));
            audit.record(request, AuditAction.TIP_STATUS, id, chosen.label());
            return "状态已改为“" + chosen.label() + "”";
        });
    }

    @PostMapping("/{id}/risk")
    String risk(@PathVariable String id, @RequestParam(defaultValue = "") String risk,
                @RequestParam(defaultValue = "") String note, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            RiskLevel chosen = RiskLevel.fromLabel(risk)
                    .orElseThrow(() -> new TipConflictException("请选择风险等级:高、中、低"));
            review.setRisk(id, chosen, note, reviewer(request));
            audit.record(request, AuditAction.TIP_RISK, id, chosen.label());
            return "风险等级已设为“" + chosen.label() + "”" + (chosen == RiskLevel.HIGH ? ",并已发邮件上报市处非办" : "");
        });
    }

    @PostMapping("/{id}/messages")
    String message(@PathVariable String id, @RequestParam(defaultValue = "") String text,
                   @RequestParam(defaultValue = "false") boolean question, HttpServletRequest request,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            review.message(id, text, question, reviewer(request));
            audit.record(request, AuditAction.TIP_MESSAGED, id, question ? "提问" : "留言");
            return question ? "已向举报人提问,状态改为“需补充材料”" : "留言已发出,举报人凭回执码可以看到";
        });
    }

    @PostMapping("/{id}/escalate")
    String escalate(@PathVariable String id, @RequestParam(defaultValue = "") String note, HttpServletRequest request,
                    RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            review.escalate(id, note, reviewer(request));
            audit.record(request, AuditAction.TIP_ESCALATED, id, "");
            return "已发邮件上报市处非办";
        });
    }

    @PostMapping("/{id}/requeue")
    String requeue(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            review.requeue(id, reviewer(request));
            audit.record(request, AuditAction.TIP_REQUEUED, id, "");
            return "已重新排队";
        });
    }

    private interface Action {
        String run();
    }

    /** Runs an action on a tip; the tip feature's refusals come back as the page's error message. */
    private String act(String id, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("notice", action.run());
        } catch (TipConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (TipInputException e) {
            redirect.addFlashAttribute("error", replies.text(e.replyKey(), e.values()));
        }
        return "redirect:/console/tips/" + id;
    }

    private static String reviewer(HttpServletRequest request) {
        return request.getUserPrincipal().getName();
    }
}
