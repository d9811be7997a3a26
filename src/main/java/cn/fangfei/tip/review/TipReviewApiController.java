package cn.fangfei.tip.review;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.tip.Attachment;
import cn.fangfei.tip.RiskLevel;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipNotFoundException;
import cn.fangfei.tip.TipReview;
import cn.fangfei.tip.TipStatus;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipTexts;

/**
 * The reviewers' JSON API (role REVIEWER; ADMIN implied), for the console. The reviewer in every
 * history entry is the logged-in user, never a name from the request. As on the console pages, every
 * answer that shows a decrypted tip (or an attachment, or the ledger) is written to the audit log under
 * the tip's own id first: no audit entry, no answer.
 */
@RestController
@RequestMapping("/api/tips")
class TipReviewApiController {
    private final TipReview review;
    private final TipLists lists;
    private final TipViews views;
    private final TipStore store;
    private final TipTexts texts;
    private final LedgerCsv ledger;
    private final AuditLog audit;
    private final Clock clock;

    TipReviewApiController(TipReview review, TipLists lists, TipViews views, TipStore store, TipTexts texts,
            LedgerCsv ledger, AuditLog audit, Clock clock) {
        this.review = review;
        this.lists = lists;
        this.views = views;
        this.store = store;
        this.texts = texts;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    record StatusChange(String status, String note) {
    }

    record RiskChange(String risk, String note) {
    }

    record NewMessage(String text, Boolean question) {
    }

    record Note(String note) {
    }

    /** Nobody holds them yet. */
    @GetMapping("/pending")
    List<TipViews.Summary> pending() {
        return views.summaries(lists.pending());
    }

    @GetMapping("/mine")
    List<TipViews.Summary> mine(Authentication user) {
        return views.summaries(lists.heldBy(user.getName()));
    }

    @GetMapping("/overdue")
    List<TipViews.Summary> overdue() {
        return views.summaries(lists.overdue(clock.instant()));
    }

    @GetMapping("/dead-letter")
    List<TipViews.Summary> deadLetter() {
        return views.summaries(lists.deadLetter());
    }

    @GetMapping("/open")
    List<TipViews.Summary> open() {
        return views.summaries(lists.open());
    }

    /** The next tip for the logged-in reviewer (an abandoned claim first, then the oldest new one); 204 when none waits. */
    @PostMapping("/claim")
    ResponseEntity<TipViews.Detail> claim(Authentication user, HttpServletRequest request) {
        return review.claimNext(user.getName()).map(tip -> {
            audit.record(request, AuditAction.TIP_CLAIMED, tip.id(), "");
            return ResponseEntity.ok(views.detail(tip));
        }).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}")
    TipViews.Detail get(@PathVariable String id, HttpServletRequest request) {
        var tip = review.get(id);
        audit.record(request, AuditAction.TIP_VIEWED, tip.id(), "");
        return views.detail(tip);
    }

    @PostMapping("/{id}/status")
    TipViews.Summary status(@PathVariable String id, @RequestBody StatusChange change, Authentication user) {
        TipStatus status = TipStatus.fromLabel(change.status()).orElseThrow(() -> new BadReviewRequest(
                "状态只能是:已受理、核查中、需补充材料、已移交公安、已办结、不予受理"));
        return views.summary(review.setStatus(id, status, nullToEmpty(change.note()), user.getName()));
    }

    @PostMapping("/{id}/risk")
    TipViews.Summary risk(@PathVariable String id, @RequestBody RiskChange change, Authentication user) {
        RiskLevel risk = RiskLevel.fromLabel(change.risk()).orElseThrow(() -> new BadReviewRequest(
                "风险等级只能是:高、中、低"));
        return views.summary(review.setRisk(id, risk, nullToEmpty(change.note()), user.getName()));
    }

    /** A message (or, with question=true, a question) the tipster reads with their receipt code. */
    @PostMapping("/{id}/messages")
    TipViews.Summary message(@PathVariable String id, @RequestBody NewMessage message, Authentication user) {
        return views.summary(review.message(id, message.text(), Boolean.TRUE.equals(message.question()), user.getName()));
    }

    /** Reports the tip to the city office by mail. */
    @PostMapping("/{id}/escalate")
    TipViews.Summary escalate(@PathVariable String id, @RequestBody(required = false) Note note, Authentication user) {
        return views.summary(review.escalate(id, note == null ? "" : nullToEmpty(note.note()), user.getName()));
    }

    /** Puts a dead-lettered tip back in the queue. */
    @PostMapping("/{id}/requeue")
    TipViews.Summary requeue(@PathVariable String id, Authentication user) {
        return views.summary(review.requeue(id, user.getName()));
    }

    /** An attachment, by its 0-based index, always as a download (never rendered inline). */
    @GetMapping("/{id}/files/{index}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable int index, HttpServletRequest request) {
        if (index < 0) {
            throw new BadReviewRequest("附件序号从 0 开始");
        }
        String tipId = review.get(id).id();
        byte[] sealed = store.file(tipId, index).orElseThrow(() -> new TipNotFoundException(tipId + " 的附件 " + index));
        audit.record(request, AuditAction.TIP_ATTACHMENT_VIEWED, tipId, "附件 " + (index + 1));
        Attachment file = texts.openFile(tipId, sealed);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(tipId + "-" + (index + 1) + "." + file.type().extension()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }

    /** The monthly ledger as CSV, e.g. /api/tips/ledger/2025-06. */
    @GetMapping("/ledger/{month}")
    ResponseEntity<String> ledger(@PathVariable String month, HttpServletRequest request) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadReviewRequest("月份格式应为 2025-06");
        }
        audit.record(request, AuditAction.LEDGER_DOWNLOADED, parsed.toString(), "");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ledger-" + parsed + ".csv").build().toString())
                .body(ledger.export(parsed));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
