package cn.fangfei.tip.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fangfei.tip.HistoryEntry;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipMessage;
import cn.fangfei.tip.TipRecord;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipTexts;

/**
 * What reviewers see of tips, for the JSON API and the console's pages (cn.fangfei.console): lists
 * without the resident's words, a single tip with them opened.
 */
@Component
public class TipViews {
    public record Summary(String id, String category, String channel, String status, String risk, Instant created,
            Instant closed, String assignee, boolean overdue, boolean unread, boolean dead, boolean escalated, int files) {
    }

    public record Message(Instant at, String from, String kind, String by, String text, List<Integer> files) {
    }

    public record History(Instant at, String by, String action) {
    }

    public record Detail(Summary summary, String what, String where, String contact, List<Message> messages,
            List<History> history) {
    }

    private final TipStore store;
    private final TipTexts texts;
    private final TipLists lists;
    private final Clock clock;

    TipViews(TipStore store, TipTexts texts, TipLists lists, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.lists = lists;
        this.clock = clock;
    }

    public List<Summary> summaries(List<TipRecord> tips) {
        return tips.stream().map(this::summary).toList();
    }

    public Summary summary(TipRecord tip) {
        return new Summary(tip.id(), tip.category(), tip.channel().label(), tip.status().label(), tip.riskLabel(),
                tip.created(), tip.closed().orElse(null), tip.assignee().orElse(null), lists.isOverdue(tip, clock.instant()),
                tip.unread(), tip.dead(), tip.escalated().isPresent(), tip.files());
    }

    public Detail detail(TipRecord tip) {
        String id = tip.id();
        List<Message> messages = store.messages(id).stream().map(m -> new Message(Instant.ofEpochMilli(m.at()), m.from(),
                m.kind(), m.by(), text(id, m), m.files())).toList();
        List<History> history = store.history(id).stream()
                .map((HistoryEntry h) -> new History(Instant.ofEpochMilli(h.at()), h.by(), h.action())).toList();
        return new Detail(summary(tip), texts.open(id, TipTexts.WHAT, tip.sealedWhat()),
                texts.open(id, TipTexts.WHERE, tip.sealedWhere()),
                texts.openOptional(id, TipTexts.CONTACT, tip.sealedContact()).orElse(""), messages, history);
    }

    private String text(String id, TipMessage message) {
        return message.text().isEmpty() ? "" : texts.open(id, TipTexts.MESSAGE, message.text());
    }
}
