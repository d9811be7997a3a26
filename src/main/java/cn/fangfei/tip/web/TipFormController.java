package cn.fangfei.tip.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.Receipts;
import cn.fangfei.tip.SenderLimits;
import cn.fangfei.tip.TipCategories;
import cn.fangfei.tip.TipDraft;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipSubmissions;
import cn.fangfei.tip.TipUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The tip-off form at /tip, for residents without WeChat: no login, no session, no cookie but the
 * CSRF token's, no third-party resources. The IP address is used only through the rate limiter's
 * keyed hash; it is neither stored nor logged.
 */
@Controller
class TipFormController {
    private final TipInput input;
    private final TipCategories categories;
    private final UploadedFiles uploads;
    private final SenderLimits limits;
    private final TipSubmissions submissions;
    private final FormDrafts drafts;
    private final WebSenders senders;
    private final Replies replies;
    private final TipProperties properties;

    TipFormController(TipInput input, TipCategories categories, UploadedFiles uploads, SenderLimits limits,
            TipSubmissions submissions, FormDrafts drafts, WebSenders senders, Replies replies, TipProperties properties) {
        this.input = input;
        this.categories = categories;
        this.uploads = uploads;
        this.limits = limits;
        this.submissions = submissions;
        this.drafts = drafts;
        this.senders = senders;
        this.replies = replies;
        this.properties = properties;
    }

    /** What the resident typed, shown again when something has to be fixed (files must be chosen again). */
    record FormValues(String category, String what, String where, String contact) {
        static final FormValues EMPTY = new FormValues("", "", "", "");
    }

    @GetMapping("/tip")
    String form(Model model) {
        return form(model, FormValues.EMPTY, drafts.newToken(), null);
    }

    @PostMapping("/tip")
    String submit(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String where, @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String draft,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        FormValues values = new FormValues(category, what, where, contact);
        String token = drafts.idOf(draft).isPresent() ? draft : drafts.newToken();
        TipDraft checked;
        try {
            checked = input.draft(category, what, where, contact, List.of());
            checked = new TipDraft(checked.category(), checked.what(), checked.where(), checked.contact(),
                    uploads.clean(files));
        } catch (TipInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String key = e.replyKey().equals("tip-category-unknown") ? "tip-category-missing" : e.replyKey();
            return form(model, values, token, replies.text(key, e.values()));
        }
        if (!limits.allowSubmission(senders.of(request))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model, values, token, replies.text("tip-rate-limited"));
        }
        TipSubmissions.Submission submission;
        try {
            submission = submissions.submit(checked, Channel.WEB, drafts.idOf(draft), false);
        } catch (TipUnavailableException e) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return form(model, values, token, replies.text("tip-busy"));
        }
        if (submission.outcome() == TipSubmissions.Outcome.ALREADY_SUBMITTED) {
            return form(model, FormValues.EMPTY, drafts.newToken(), replies.text("tip-already-submitted"));
        }
        model.addAttribute("receipt", Receipts.display(submission.receipt()));
        return "tip/submitted";
    }


    /**
     * Where Spring Security sends a form whose CSRF token was stale or missing (SecurityConfiguration):
     * nothing is submitted; the form comes back with what was typed and a fresh token.
     */
    @PostMapping("/tip/expired")
    String expired(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String where, @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String draft, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        String token = drafts.idOf(draft).isPresent() ? draft : drafts.newToken();
        return form(model, new FormValues(category, what, where, contact), token, replies.text("tip-form-expired"));
    }

    private String form(Model model, FormValues values, String draftToken, String error) {
        model.addAttribute("categories", categories.all());
        model.addAttribute("values", values);
        model.addAttribute("draft", draftToken);
        model.addAttribute("error", Optional.ofNullable(error).orElse(""));
        model.addAttribute("maxFiles", properties.maxFiles());
        model.addAttribute("maxMb", properties.maxFileSize().toMegabytes());
        model.addAttribute("maxChars", properties.maxTextChars());
        return "tip/form";
    }
}
