package cn.fangfei.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.campaign.subscription.PreviewTargets;
import cn.fangfei.campaign.subscription.SubscriptionKeys;

/**
 * The campaigns JSON API for office editors (role EDITOR, see SecurityConfiguration; POSTs need the
 * CSRF token). Who approved or previewed is the logged-in username, never something the request says.
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignApiController {
    private final CampaignOverview overview;
    private final EditorActions actions;
    private final PreviewTargets previews;
    private final Clock clock;

    CampaignApiController(CampaignOverview overview, EditorActions actions, PreviewTargets previews, Clock clock) {
        this.overview = overview;
        this.actions = actions;
        this.previews = previews;
        this.clock = clock;
    }

    /** Every occurrence of the twelve months from {@code from} (default today) with its reminders. */
    @GetMapping("/occurrences")
    ResponseEntity<?> occurrences(@RequestParam(required = false) String from) {
        LocalDate start;
        try {
            start = from == null || from.isBlank() ? LocalDate.now(clock) : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("problem", "from 应写成 YYYY-MM-DD"));
        }
        return ResponseEntity.ok(Map.of("from", start, "to", start.plusMonths(12).minusDays(1),
                "occurrences", overview.nextTwelveMonths(start)));
    }

    /** Every send log planned in [from, to] (default: the last 90 days up to today). */
    @GetMapping("/sends")
    ResponseEntity<?> sends(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start;
        LocalDate end;
        try {
            start = from == null || from.isBlank() ? today.minusDays(90) : LocalDate.parse(from);
            end = to == null || to.isBlank() ? today : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("problem", "from 和 to 应写成 YYYY-MM-DD"));
        }
        return ResponseEntity.ok(Map.of("from", start, "to", end, "sends", overview.history(start, end.plusDays(1))));
    }

    @GetMapping("/sends/{sendId}")
    ResponseEntity<?> send(@PathVariable String sendId) {
        return withSend(sendId, send -> ResponseEntity.ok(overview.detail(send)));
    }

    @GetMapping("/sends/{sendId}/dry-run")
    ResponseEntity<?> dryRun(@PathVariable String sendId) {
        return withSend(sendId, send -> respond(actions.dryRun(send)));
    }

    @PostMapping("/sends/{sendId}/preview")
    ResponseEntity<?> preview(@PathVariable String sendId, Authentication user) {
        return withSend(sendId, send -> respond(actions.preview(send, user.getName())));
    }

    @PostMapping("/sends/{sendId}/approve")
    ResponseEntity<?> approve(@PathVariable String sendId, Authentication user) {
        return withSend(sendId, send -> respond(actions.approve(send, user.getName())));
    }

    @PostMapping("/sends/{sendId}/cancel")
    ResponseEntity<?> cancel(@PathVariable String sendId, Authentication user) {
        return withSend(sendId, send -> respond(actions.cancel(send, user.getName())));
    }

    @PostMapping("/sends/{sendId}/resume")
    ResponseEntity<?> resume(@PathVariable String sendId, Authentication user) {
        return withSend(sendId, send -> respond(actions.resume(send, user.getName())));
    }

    /** A code the editor sends from their own WeChat ("预览绑定 123456") to receive previews there. */
    @PostMapping("/preview-binding")
    ResponseEntity<?> newBindingCode(Authentication user) {
        String code = previews.newCode(user.getName());
        return ResponseEntity.ok(Map.of("code", code, "send", PreviewTargets.COMMAND + " " + code,
                "expiresInSeconds", SubscriptionKeys.PREVIEW_CODE_TTL.toSeconds()));
    }

    @GetMapping("/preview-binding")
    ResponseEntity<?> binding(Authentication user) {
        return ResponseEntity.ok(Map.of("bound", previews.openidOf(user.getName()).isPresent()));
    }

    private ResponseEntity<?> withSend(String sendId, Function<PlannedSend, ResponseEntity<?>> action) {
        Optional<PlannedSend> send = actions.find(sendId);
        if (send.isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("problem", "日历里没有这条提醒:" + sendId));
        }
        return action.apply(send.get());
    }

    private static ResponseEntity<?> respond(EditorActions.Result result) {
        return ResponseEntity.status(result.status()).body(result.body());
    }
}
