package cn.fangfei.tip.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.TipConflictException;
import cn.fangfei.tip.TipFollowUp;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import redis.clients.jedis.exceptions.JedisException;

/**
 * /tip/status: with the receipt code, the tipster sees the status and the office's messages and can
 * add information or answer a question. The code travels only in POST bodies, never in a URL, and is
 * checked again on every request; a code that leads nowhere always gets the same page.
 */
@Controller
class TipStatusController {
    private static final Logger log = LoggerFactory.getLogger(TipStatusController.class);
    private final TipFollowUp followUp;
    private final WebSenders senders;
    private final UploadedFiles uploads;
    private final Replies replies;
    private final TipProperties properties;

    TipStatusController(TipFollowUp followUp, WebSenders senders, UploadedFiles uploads, Replies replies, TipProperties properties) {
        this.followUp = followUp;
        this.senders = senders;
        this.uploads = uploads;
        this.replies = replies;
        this.properties = properties;
    }

    @GetMapping("/tip/status")
    String lookupForm(Model model) {
        return lookupPage(model, "", "");
    }

    @PostMapping("/tip/status")
    String show(@RequestParam(defaultValue = "") String receipt, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        TipFollowUp.Lookup lookup = followUp.lookup(senders.of(request), receipt);
        return switch (lookup.outcome()) {
            case THROTTLED -> throttled(response, model, receipt);
            case NOT_FOUND -> lookupPage(model, receipt, replies.text("tip-receipt-unknown"));
            case FOUND -> statusPage(model, lookup.view().orElseThrow(), receipt, "", "", "");
        };
    }

    @PostMapping("/tip/status/add")
    String add(@RequestParam(defaultValue = "") String receipt, @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        TipFollowUp.Lookup lookup = followUp.lookup(senders.of(request), receipt);
        if (lookup.outcome() == TipFollowUp.Outcome.THROTTLED) {
            return throttled(response, model, receipt);
        }
        if (lookup.outcome() == TipFollowUp.Outcome.NOT_FOUND) {
            return lookupPage(model, receipt, replies.text("tip-receipt-unknown"));
        }
        TipFollowUp.TipsterView view = lookup.view().orElseThrow();
        try {
            followUp.addInfo(view.tipId(), text, uploads.clean(files));
        } catch (TipInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return statusPage(model, view, receipt, text, replies.text(e.replyKey(), e.values()), "");
        } catch (TipConflictException closed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return statusPage(model, view, receipt, "", replies.text("tip-web-followup-closed"), "");
        }
        return statusPage(model, followUp.view(view.tipId()).orElse(view), receipt, "", "",
                replies.text("tip-web-followup-added"));
    }

    private String throttled(HttpServletResponse response, Model model, String receipt) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return lookupPage(model, receipt, replies.text("tip-query-throttled"));
    }

    /** Redis down: the resident reads that the lookup is not possible now, never an English error. */
    @ExceptionHandler(JedisException.class)
    String redisUnavailable(JedisException e, HttpServletResponse response, Model model) {
        log.warn("tip status lookup failed, Redis unavailable ({})", e.getClass().getSimpleName());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        return lookupPage(model, "", replies.text("tip-status-unavailable"));
    }

    /** {@code receipt} is what the resident typed, shown again so that a typo can be fixed in place. */
    private String lookupPage(Model model, String receipt, String error) {
        model.addAttribute("receipt", receipt);
        model.addAttribute("error", error);
        return "tip/lookup";
    }

    /** {@code text} is an addition that was refused, kept so the resident need not type it again. */
    private String statusPage(Model model, TipFollowUp.TipsterView view, String receipt, String text, String error,
            String notice) {
        model.addAttribute("view", view);
        model.addAttribute("receipt", receipt);
        model.addAttribute("text", text);
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        model.addAttribute("maxFiles", properties.maxFiles());
        model.addAttribute("maxMb", properties.maxFileSize().toMegabytes());
        model.addAttribute("maxChars", properties.maxTextChars());
        return "tip/status";
    }
}
