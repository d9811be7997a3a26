package cn.fangfei.tip.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.fangfei.content.Replies;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.Receipts;
import cn.fangfei.tip.SenderLimits;
import cn.fangfei.tip.TipCategories;
import cn.fangfei.tip.TipDraft;
import cn.fangfei.tip.TipIds;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipInputException;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipSubmissions;
import cn.fangfei.tip.TipTexts;
import cn.fangfei.tip.TipUnavailableException;

/**
 * The tip-off wizard in WeChat: category, what happened, where, optional images, optional contact, a
 * summary to confirm, then submit. Every step can be left with 取消, and a resident who comes back
 * within 30 minutes continues where they were. Replies never repeat the resident's words (a reply is
 * kept for WeChat's retries; it stays sealed, but there is no need to hold the words twice), which is
 * why the summary counts characters instead of showing them.
 */
@Component
class TipWizard {
    private static final Set<String> IMAGES_DONE = Set.of("好了", "好", "完成", "发完了", "跳过", "没有", "无", "不用");
    private static final Set<String> ANONYMOUS = Set.of("匿名", "不留", "跳过", "不用", "没有", "无");
    private static final Set<String> SUBMIT = Set.of("提交", "确认", "确认提交");

    private final ChatStates states;
    private final ChatImages images;
    private final TipCategories categories;
    private final TipInput input;
    private final TipTexts texts;
    private final TipSubmissions submissions;
    private final SenderLimits limits;
    private final TipIds ids;
    private final Replies replies;
    private final TipProperties properties;

    TipWizard(ChatStates states, ChatImages images, TipCategories categories, TipInput input, TipTexts texts,
            TipSubmissions submissions, SenderLimits limits, TipIds ids, Replies replies, TipProperties properties) {
        this.states = states;
        this.images = images;
        this.categories = categories;
        this.input = input;
        this.texts = texts;
        this.submissions = submissions;
        this.limits = limits;
        this.ids = ids;
        this.replies = replies;
        this.properties = properties;
    }

    /** 举报 or another start phrase, whatever punctuation the resident or voice recognition added. */
    boolean isStart(String text) {
        return categories.isStartPhrase(ChatText.command(text));
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

    /** The reply to a stripped text of a resident whose draft this is. */
    String text(String openid, ChatState draft, String text) {
        if (ChatText.isCancel(text)) {
            states.delete(openid, draft);
            return replies.text("tip-cancelled");
        }
        if (isStart(text)) {
            return start(openid);
        }
        try {
            return step(openid, draft, text);
        } catch (TipInputException e) {
            states.save(openid, draft);
            return replies.text(e.replyKey(), e.values());
        }
    }

    /** An image is evidence only at the evidence step; elsewhere the resident is reminded of the step. */
    String image(String openid, ChatState draft, String mediaId) {
        if (draft.step() != ChatState.Step.EVIDENCE) {
            states.save(openid, draft);
            return replies.text("tip-image-not-now") + "\n" + prompt(draft);
        }
        long count = images.take(openid, draft, mediaId);
        if (count == 0) {
            return images.limitReached();
        }
        return replies.text("tip-image-received", Map.of("n", Long.toString(count)));
    }

    private String step(String openid, ChatState state, String t) {
        ChatState next = switch (state.step()) {
            case CATEGORY -> state.withCategory(categories.pick(ChatText.command(t)).orElseThrow(
                    () -> new TipInputException("tip-category-unknown", Map.of("categories", categories.numberedList(),
                    "count", Integer.toString(categories.all().size())))));
            case WHAT -> state.withWhat(texts.seal(state.tipId(), TipTexts.WHAT, input.text(t)));
            case WHERE -> state.withWhere(texts.seal(state.tipId(), TipTexts.WHERE, input.text(t)));
            case EVIDENCE -> IMAGES_DONE.contains(ChatText.command(t)) ? state.evidenceDone() : null;
            case CONTACT -> state.withContact(ANONYMOUS.contains(ChatText.command(t)) ? ""
                    : texts.sealOptional(state.tipId(), TipTexts.CONTACT, input.contact(t)));
            case CONFIRM -> SUBMIT.contains(ChatText.command(t)) ? state : null;
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
                "what", Integer.toString(ChatText.length(texts.open(id, TipTexts.WHAT, state.what()))),
                "where", Integer.toString(ChatText.length(texts.open(id, TipTexts.WHERE, state.where()))),
                "images", Integer.toString(state.images()),
                "contact", state.contact().isEmpty() ? "匿名(不留)" : "已留下"));
    }
}
