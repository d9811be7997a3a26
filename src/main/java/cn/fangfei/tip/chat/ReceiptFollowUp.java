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
import cn.fangfei.tip.Receipts;
import cn.fangfei.tip.TipConflictException;
import cn.fangfei.tip.TipFollowUp;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipInputException;

/**
 * 查询 with a receipt code, or the bare code, in WeChat: the tip's status and the office's latest
 * messages; then, while the tip is open, whatever the tipster sends is added to it (an answer to the
 * office's question, more information, images) until 完成 or 取消. Like the wizard's, its replies never
 * repeat the resident's words.
 */
@Component
class ReceiptFollowUp {
    private static final Set<String> DONE = Set.of("完成", "好了", "结束", "没有了", "发完了");
    private static final Pattern QUERY = Pattern.compile("^(?:查询|查詢|查进度|查询进度)\\s*[::]?\\s*(.*)$", Pattern.DOTALL);
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
    private final TipFollowUp followUp;
    private final TipInput input;
    private final Replies replies;
    private final SiteProperties site;
    private final Clock clock;

    ReceiptFollowUp(ChatStates states, ChatImages images, TipFollowUp followUp, TipInput input, Replies replies,
            SiteProperties site, Clock clock) {
        this.states = states;
        this.images = images;
        this.followUp = followUp;
        this.input = input;
        this.replies = replies;
        this.site = site;
        this.clock = clock;
    }

    /** Whether a stripped text is 查询..., or a bare receipt code. */
    boolean isQuery(String text) {
        return QUERY.matcher(text).matches() || isBareReceipt(text);
    }

    /** Sixteen digits, however spaced: a bank card or phone number is not taken for a receipt. */
    private static boolean isBareReceipt(String text) {
        return BARE_RECEIPT.matcher(text).matches() && Receipts.normalize(text).isPresent();
    }

    String queryHelp() {
        return replies.text("tip-query-how");
    }

    /** The reply to a text {@link #isQuery} took: the status, and the follow-up started while the tip is open. */
    String query(String openid, String text) {
        Matcher query = QUERY.matcher(text);
        String typed = query.matches() ? query.group(1) : text;
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

    /** The reply to a stripped text of a resident following up a tip. */
    String text(String openid, ChatState state, String text) {
        if (ChatText.isCancel(text) || DONE.contains(ChatText.command(text))) {
            states.delete(openid, state);
            return replies.text("tip-followup-done");
        }
        try {
            followUp.addInfo(state.tipId(), input.text(text), List.of());
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

    String image(String openid, ChatState state, String mediaId) {
        return images.take(openid, state, mediaId) == 0 ? images.limitReached() : replies.text("tip-followup-added");
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
            if (office.size() > STATUS_MESSAGES
                    || office.stream().anyMatch(m -> ChatText.length(m.text()) > STATUS_MESSAGE_CHARS)) {
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

    private static String shortened(String text) {
        return ChatText.length(text) <= STATUS_MESSAGE_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, STATUS_MESSAGE_CHARS)) + "……";
    }
}
