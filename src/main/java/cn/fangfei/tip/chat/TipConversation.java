package cn.fangfei.tip.chat;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.Replies;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.Receipts;
import cn.fangfei.tip.SenderLimits;
import cn.fangfei.tip.TipCategories;
import cn.fangfei.tip.TipConflictException;
import cn.fangfei.tip.TipDraft;
import cn.fangfei.tip.TipFollowUp;
import cn.fangfei.tip.TipIds;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipSubmissions;
import cn.fangfei.tip.TipTexts;
import cn.fangfei.tip.TipUnavailableException;

/**
 * The tip-off conversation in WeChat: category, what happened, where, optional images, optional
 * contact, a summary to confirm, then submit; or, with 查询 and a receipt code, the status and a
 * follow-up. Every step can be left with 取消, and a resident who comes back within 30 minutes
 * continues where they were. Replies never repeat the resident's words (a reply is kept for WeChat's
 * retries; it stays sealed, but there is no need to hold the words twice).
 */
@Component
class TipConversation {
    private static final Set<String> CANCEL = Set.of("取消", "退出", "不举报了");
    private static final Set<String> IMAGES_DONE = Set.of("好了", "好", "完成", "发完了", "跳过", "没有", "无", "不用");
    private static final Set<String> ANONYMOUS = Set.of("匿名", "不留", "跳过", "不用", "没有", "无");
    private static final Set<String> SUBMIT = Set.of("提交", "确认", "确认提交");
    private static final Set<String> FOLLOW_UP_DONE = Set.of("完成", "好了", "结束", "没有了", "发完了");
    private static final Pattern QUERY = Pattern.compile("^(?:查询|查詢|查进度|查询进度)\\s*[::]?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern TRIM_PUNCTUATION = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s]+$");
    private static final Pattern BARE_RECEIPT = Pattern.compile("^[0-9０-９][0-9０-９\\s-]{14,30}[0-9０-９]$");
    /**
     * Messages shown in a chat status reply, kept well under the 600 characters a chat answer may have
     * (WeChat refuses longer passive replies); the web page shows everything.
     */
    private static final int STATUS_MESSAGES = 3;
    private static final int STATUS_MESSAGE_CHARS = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ChatStates states;
    private final ChatImages images;
    private final TipCategories categories;
    private final TipInput input;
    private final TipTexts texts;
    private final TipSubmissions submissions;
    private final TipFollowUp followUp;
    private final SenderLimits limits;
    private final TipIds ids;
    private final Replies replies;
    private final SiteProperties site;
    private final TipProperties properties;
    private final Clock clock;

    TipConversation(ChatStates states, ChatImages images, TipCategories categories, TipInput input, TipTexts texts,
            TipSubmissions submissions, TipFollowUp followUp, SenderLimits limits, TipIds ids, Replies replies,
            SiteProperties site, TipProperties properties, Clock clock) {
        this.states = states;
        this.images = images;
        this.categories = categories;
        this.input = input;
        this.texts = texts;
        this.submissions = submissions;
        this.followUp = followUp;
        this.limits = limits;
        this.ids = ids;
        this.replies = replies;
        this.site = site;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a text outside any conversation is ours: 举报 (or a start phrase), 查询..., or a bare receipt code. */
    boolean isKeyword(String text) {
        String t = text == null ? "" : text.strip();
        return isStart(t) || QUERY.matcher(t).matches() || isBareReceipt(t);
    }

    private boolean isStart(String text) {
        return categories.isStartPhrase(command(text));
    }

    /** Sixteen digits, however spaced: a bank card or phone number is not taken for a receipt. */
    private static boolean isBareReceipt(String text) {
        return BARE_RECEIPT.matcher(text).matches() && Receipts.normalize(text).isPresent();
    }

    /** A short command as typed or spoken: voice recognition adds a full stop, people add "!". */
    private static String command(String text) {
        return TRIM_PUNCTUATION.matcher(text).replaceAll("");
    }

    boolean inConversation(String openid) {
        return states.exists(openid);
    }

    /** 举报 or the menu button: a new draft, or the unfinished one. */
    String start(String openid) {
        Optional<ChatState> current = states.find(openid);
        if (current.isPresent() && current.get().mode() == ChatState.Mode.NEW) {
            states.save(openid, current.get());
            return replies.text("tip-continue") + "\n" + prompt(current.get());
        }
        ChatState fresh = ChatState.newTip(ids.next());
        states.start(openid, fresh);
        return replies.text("tip-start", Map.of("categories", categories.numberedList()));
    }

    String queryHelp() {
        return replies.text("tip-query-how");
    }

    /** The reply to a text; null when it is not for this feature after all (the conversation just expired). */
    String text(String openid, String text) {
        String t = text == null ? "" : text.strip();
        Optional<ChatState> state = states.find(openid);
        if (state.isEmpty() || state.get().mode() == ChatState.Mode.FOLLOW_UP) {
            if (isStart(t)) {
                return start(openid);
            }
            Matcher query = QUERY.matcher(t);
            if (query.matches() || isBareReceipt(t)) {
                return query(openid, query.matches() ? query.group(1) : t);
            }
        }
        if (state.isEmpty()) {
            return null;
        }
        ChatState current = state.get();
        if (CANCEL.contains(command(t))) {
            states.delete(openid, current);
            return replies.text(current.mode() == ChatState.Mode.NEW ? "tip-cancelled" : "tip-followup-done");
        }
        if (current.mode() == ChatState.Mode.FOLLOW_UP) {
            return followUpText(openid, current, t);
        }
        if (isStart(t)) {
            return start(openid);
        }
        try {
            return step(openid, current, t);
        } catch (TipInputException e) {
            states.save(openid, current);
            return replies.text(e.replyKey(), e.values());
        }
    }

    String image(String openid, String mediaId) {
        Optional<ChatState> state = states.find(openid);
        if (state.isEmpty()) {
            return null;
        }
        ChatState current = state.get();
        if (current.mode() == ChatState.Mode.NEW && current.step() != ChatState.Step.EVIDENCE) {
            states.save(openid, current);
            return replies.text("tip-image-not-now") + "\n" + prompt(current);
        }
        long count = images.take(openid, current, mediaId);
        if (count == 0) {
            return images.limitReached();
        }
        if (current.mode() == ChatState.Mode.FOLLOW_UP) {
            return replies.text("tip-followup-added");
        }
        return replies.text("tip-image-received", Map.of("n", Long.toString(count)));
    }

    private String step(String openid, ChatState state, String t) {
        ChatState next = switch (state.step()) {
            case CATEGORY -> state.withCategory(categories.pick(command(t)).orElseThrow(() -> new TipInputException(
                    "tip-category-unknown", Map.of("categories", categories.numberedList(),
                    "count", Integer.toString(categories.all().size())))));
            case WHAT -> state.withWhat(texts.seal(state.tipId(), TipTexts.WHAT, input.text(t)));
            case WHERE -> state.withWhere(texts.seal(state.tipId(), TipTexts.WHERE, input.text(t)));
            case EVIDENCE -> IMAGES_DONE.contains(command(t)) ? state.evidenceDone() : null;
            case CONTACT -> state.withContact(ANONYMOUS.contains(command(t)) ? ""
                    : texts.sealOptional(state.tipId(), TipTexts.CONTACT, input.contact(t)));
            case CONFIRM -> SUBMIT.contains(command(t)) ? state : null;
        };
        if (next == null) {
            states.save(openid, state);
            return replies.text(state.step() == ChatState.Step.EVIDENCE ? "tip-evidence-waiting" : "tip-confirm-ask");
        }
        if (state.step() == ChatState.Step.CONFIRM) {
            return submit(openid, state);
        }
        states.save(openid, next);
        return prompt(next);
    }

    private String submit(String openid, ChatState state) {
        if (!limits.allowSubmission(Optional.of("wechat:" + openid))) {
            states.save(openid, state);
            return replies.text("tip-rate-limited");
        }
        String id = state.tipId();
        TipDraft draft = new TipDraft(state.category(), texts.open(id, TipTexts.WHAT, state.what()),
                texts.open(id, TipTexts.WHERE, state.where()),
                texts.openOptional(id, TipTexts.CONTACT, state.contact()).orElse(""), List.of());
        TipSubmissions.Submission submission;
        try {
            submission = submissions.submit(draft, Channel.WECHAT, Optional.of(id), state.images() > 0);
        } catch (TipUnavailableException e) {
            return replies.text("tip-busy");
        }
        states.delete(openid, state);
        if (submission.outcome() == TipSubmissions.Outcome.ALREADY_SUBMITTED) {
            return replies.text("tip-already-submitted");
        }
        return replies.text("tip-submitted", Map.of("receipt", Receipts.display(submission.receipt())));
    }

    private String query(String openid, String typed) {
        if (typed.isBlank()) {
            return queryHelp();
        }
        TipFollowUp.Lookup lookup = followUp.lookup(Optional.of("wechat:" + openid), typed);
        return switch (lookup.outcome()) {
            case THROTTLED -> replies.text("tip-query-throttled");
            case NOT_FOUND -> replies.text("tip-receipt-unknown");
            case FOUND -> status(openid, lookup.view().orElseThrow());
        };
    }

    private String status(String openid, TipFollowUp.TipsterView view) {
        List<TipFollowUp.VisibleMessage> office = view.messages().stream().filter(TipFollowUp.VisibleMessage::fromOffice).toList();
        StringBuilder messages = new StringBuilder();
        if (office.isEmpty()) {
            messages.append(replies.text("tip-status-no-messages"));
        } else {
            messages.append("工作人员留言:");
            for (TipFollowUp.VisibleMessage message : office.subList(Math.max(0, office.size() - STATUS_MESSAGES), office.size())) {
                messages.append('\n').append(WHEN.format(message.at().atZone(clock.getZone())))
                        .append(message.question() ? "(提问)" : "").append(':').append(shortened(message.text()));
            }
            if (office.size() > STATUS_MESSAGES || office.stream().anyMatch(m -> chars(m.text()) > STATUS_MESSAGE_CHARS)) {
                messages.append('\n').append(replies.text("tip-status-more", Map.of("url", site.url("/tip/status"))));
            }
        }
        String text = replies.text("tip-status", Map.of("date", DAY.format(view.created().atZone(clock.getZone())),
                "category", view.category(), "status", view.status().label(), "messages", messages.toString()));
        if (view.closed()) {
            return text + "\n" + replies.text("tip-status-closed");
        }
        states.start(openid, ChatState.followUp(view.tipId()));
        return text + "\n" + replies.text("tip-followup-prompt");
    }

    private String followUpText(String openid, ChatState state, String t) {
        if (FOLLOW_UP_DONE.contains(command(t))) {
            states.delete(openid, state);
            return replies.text("tip-followup-done");
        }
        try {
            followUp.addInfo(state.tipId(), input.text(t), List.of());
        } catch (TipInputException e) {
            states.save(openid, state);
            return replies.text(e.replyKey(), e.values());
        } catch (TipConflictException closed) {
            states.delete(openid, state);
            return replies.text("tip-followup-closed");
        }
        states.save(openid, state);
        return replies.text("tip-followup-added");
    }

    private String prompt(ChatState state) {
        return switch (state.step()) {
            case CATEGORY -> replies.text("tip-category-unknown", Map.of("categories", categories.numberedList(),
                    "count", Integer.toString(categories.all().size())));
            case WHAT -> replies.text("tip-ask-what");
            case WHERE -> replies.text("tip-ask-where");
            case EVIDENCE -> replies.text("tip-ask-evidence", Map.of("max", Integer.toString(properties.maxFiles())));
            case CONTACT -> replies.text("tip-ask-contact");
            case CONFIRM -> summary(state);
        };
    }

    private String summary(ChatState state) {
        String id = state.tipId();
        return replies.text("tip-confirm", Map.of(
                "category", state.category(),
                "what", Integer.toString(chars(texts.open(id, TipTexts.WHAT, state.what()))),
                "where", Integer.toString(chars(texts.open(id, TipTexts.WHERE, state.where()))),
                "images", Integer.toString(state.images()),
                "contact", state.contact().isEmpty() ? "匿名(不留)" : "已留下"));
    }

    private static int chars(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String shortened(String text) {
        return chars(text) <= STATUS_MESSAGE_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, STATUS_MESSAGE_CHARS)) + "……";
    }
}
