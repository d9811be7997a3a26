package cn.fangfei.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.campaign.subscription.PreviewTargets;
import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.console.ConsolePage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The editors' campaign pages, on the campaign feature's own services (cn.fangfei.campaign): the next
 * twelve months with lunar dates resolved, and per planned send its message, a dry run (who it would
 * reach), a preview to the editor's own WeChat, approval, and the send log. Every action is audited.
 */
@Controller
@ConsolePage
@RequestMapping("/console/campaigns")
class CampaignPagesController {
    static final int HISTORY_DAYS = 90;

    /** One channel's reach in a dry run; {@code count} null when the channel cannot reach this audience. */
    record Reach(String channel, Long count) {
    }

    private final CampaignOverview overview;
    private final EditorActions actions;
    private final PreviewTargets previews;
    private final AuditLog audit;
    private final Clock clock;

    CampaignPagesController(CampaignOverview overview, EditorActions actions, PreviewTargets previews, AuditLog audit,
                        Clock clock) {
        this.overview = overview;
        this.actions = actions;
        this.previews = previews;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    String calendar(HttpServletRequest request, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("from", today);
        model.addAttribute("to", today.plusMonths(12).minusDays(1));
        model.addAttribute("occurrences", overview.nextTwelveMonths(today));
        model.addAttribute("previewBound", previews.openidOf(editor(request)).isPresent());
        return "console/campaigns";
    }

    @GetMapping("/sends")
    String history(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("from", today.minusDays(HISTORY_DAYS));
        model.addAttribute("sends", overview.history(today.minusDays(HISTORY_DAYS), today.plusDays(1)));
        return "console/campaign-history";
    }

    @GetMapping("/sends/{sendId}")
    String send(@PathVariable String sendId, HttpServletRequest request, Model model) {
        PlannedSend send = find(sendId);
        model.addAttribute("send", overview.detail(send));
        model.addAttribute("previewBound", previews.openidOf(editor(request)).isPresent());
        return "console/campaign-send";
    }

    /** Who the send would reach now, per channel; nothing is sent. */
    @GetMapping("/sends/{sendId}/dry-run")
    String dryRun(@PathVariable String sendId, HttpServletRequest request, Model model) {
        PlannedSend send = find(sendId);
        EditorActions.Result result = actions.dryRun(send);
        audit.record(request, AuditAction.CAMPAIGN_DRY_RUN, sendId, "");
        Map<String, Object> body = result.body();
        List<Reach> reach = new ArrayList<>();
        if (body.get("recipients") instanceof Map<?, ?> counts) {
            for (Channel channel : Channel.values()) {
                reach.add(new Reach(channel.label(), counts.get(channel.id()) instanceof Number n ? n.longValue() : null));
            }
        }
        model.addAttribute("dryRun", body);
        model.addAttribute("reach", reach);
        return send(sendId, request, model);
    }

    @PostMapping("/sends/{sendId}/preview")
    String preview(@PathVariable String sendId, HttpServletRequest request, RedirectAttributes redirect) {
        EditorActions.Result result = actions.preview(find(sendId), editor(request));
        return outcome(request, redirect, sendId, AuditAction.CAMPAIGN_PREVIEWED, result, "预览已发到您绑定的微信,请在手机上查看");
    }

    @PostMapping("/sends/{sendId}/approve")
    String approve(@PathVariable String sendId, HttpServletRequest request, RedirectAttributes redirect) {
        EditorActions.Result result = actions.approve(find(sendId), editor(request));
        return outcome(request, redirect, sendId, AuditAction.CAMPAIGN_APPROVED, result,
                "已批准:到计划时间按这条内容发送;内容再有改动需要重新批准");
    }

    @PostMapping("/sends/{sendId}/cancel")
    String cancel(@PathVariable String sendId, HttpServletRequest request, RedirectAttributes redirect) {
        EditorActions.Result result = actions.cancel(find(sendId), editor(request));
        return outcome(request, redirect, sendId, AuditAction.CAMPAIGN_CANCELLED, result, "已取消这次发送");
    }

    @PostMapping("/sends/{sendId}/resume")
    String resume(@PathVariable String sendId, HttpServletRequest request, RedirectAttributes redirect) {
        EditorActions.Result result = actions.resume(find(sendId), editor(request));
        return outcome(request, redirect, sendId, AuditAction.CAMPAIGN_RESUMED, result, "已恢复,稍后自动继续发送");
    }

    /** A code to send from the editor's own WeChat, so that previews reach that phone and nobody else's. */
    @PostMapping("/preview-binding")
    String previewBinding(HttpServletRequest request, RedirectAttributes redirect) {
        String code = previews.newCode(editor(request));
        audit.record(request, AuditAction.CAMPAIGN_PREVIEW_BINDING, "", "");
        redirect.addFlashAttribute("notice", "请在 10 分钟内用您自己的微信给公众号发送:预览绑定 " + code);
        return "redirect:/console/campaigns";
    }

    private String outcome(HttpServletRequest request, RedirectAttributes redirect, String sendId, AuditAction action,
                           EditorActions.Result result, String success) {
        if (result.status() == HttpStatus.OK.value()) {
            audit.record(request, action, sendId, "");
            redirect.addFlashAttribute("notice", success);
        } else {
            redirect.addFlashAttribute("error", String.valueOf(result.body().get("problem")));
        }
        return "redirect:/console/campaigns/sends/" + sendId;
    }

    private PlannedSend find(String sendId) {
        return actions.find(sendId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String editor(HttpServletRequest request) {
        return request.getUserPrincipal().getName();
    }
}
