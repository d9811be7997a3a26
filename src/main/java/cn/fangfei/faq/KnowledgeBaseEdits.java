package cn.fangfei.faq;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

import org.springframework.stereotype.Service;

/**
 * What editors change from the console: a question becomes a phrasing of a topic, or the first
 * phrasing of a new topic, or such an addition is taken back. Each change is checked against the same
 * rules as content/ (so that it can later be exported), written to the overlay in Redis, and applied
 * to this instance's engine before the call returns; the other instances follow within seconds.
 * Problems are {@link IllegalArgumentException}s whose message an editor can act on; a whole form's
 * problems come together as an {@link EditRejected}.
 */
@Service
public class KnowledgeBaseEdits {
    static final int MAX_PHRASING_CHARS = 200;
    static final int MAX_TITLE_CHARS = 40;
    static final int MIN_NEW_TOPIC_PHRASINGS = 3;
    /** One retry covers the usual race (another editor saved a second earlier); more means a busy moment. */
    private static final int ATTEMPTS = 2;

    /** A topic an editor wants to create. Phrasings are one per line, as typed in the form. */
    public record NewTopic(String id, String title, String answer, String phrasings) {
    }

    private final AnswerEngine engine;
    private final FaqOverlayStore store;
    private final FaqOverlaySync sync;

    KnowledgeBaseEdits(AnswerEngine engine, FaqOverlayStore store, FaqOverlaySync sync) {
        this.engine = engine;
        this.store = store;
        this.sync = sync;
    }

    /**
     * Adds {@code phrasing} to a topic; {@code unansweredQuestion} (may be null) leaves the unanswered
     * log in the same step.
     */
    public void addPhrasing(String topicId, String phrasing, String unansweredQuestion) {
        String text = phrasing(phrasing);
        commit(version -> {
            FaqEntry topic = engine.topic(topicId == null ? "" : topicId)
                    .orElseThrow(() -> new IllegalArgumentException("请选择一个已有的话题"));
            ownerOf(text).ifPresent(owner -> {
                throw new IllegalArgumentException("“" + text + "”已经是话题“" + owner.title() + "”的问法");
            });
            return store.addPhrasing(version, topic.id(), text, unansweredQuestion);
        });
    }

    /** Creates a topic; the form's problems are reported together, in the order of its fields. */
    public void addTopic(NewTopic form, String unansweredQuestion) {
        String id = form.id() == null ? "" : form.id().strip();
        String title = form.title() == null ? "" : form.title().strip();
        String answer = form.answer() == null ? "" : normaliseAnswer(form.answer());
        List<String> phrasings = new ArrayList<>(new LinkedHashSet<>(
                (form.phrasings() == null ? "" : form.phrasings()).lines().map(String::strip).filter(s -> !s.isEmpty())
                        .toList()));
        commit(version -> {
            List<String> problems = new ArrayList<>();
            if (!FaqContentLoader.TOPIC_ID.matcher(id).matches()) {
                problems.add("话题编号只能用小写英文字母、数字和连字符,例如 loan-scam");
            } else if (engine.topic(id).isPresent()) {
                problems.add("话题编号 " + id + " 已经存在");
            }
            if (title.isEmpty()) {
                problems.add("请填写标题");
            } else if (title.length() > MAX_TITLE_CHARS) {
                problems.add("标题不能超过" + MAX_TITLE_CHARS + "字");
            }
            if (answer.isEmpty()) {
                problems.add("请填写回答");
            } else if (answer.length() > FaqContentLoader.MAX_ANSWER_CHARS) {
                problems.add("回答有" + answer.length() + "字,聊天里最多" + FaqContentLoader.MAX_ANSWER_CHARS + "字");
            }
            if (phrasings.size() < MIN_NEW_TOPIC_PHRASINGS) {
                problems.add("新话题至少需要" + MIN_NEW_TOPIC_PHRASINGS + "种问法,每行一种");
            }
            for (String phrasing : phrasings) {
                try {
                    phrasing(phrasing);
                    ownerOf(phrasing).ifPresent(owner -> problems.add("“" + phrasing + "”已经是话题“" + owner.title() + "”的问法"));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new EditRejected(problems);
            }
            return store.addTopic(version, FaqOverlayStore.newTopic(id, title, answer, phrasings), unansweredQuestion);
        });
    }

    /** Takes back a phrasing added in the console. Phrasings in content/ are edited in the files. */
    public void removePhrasing(String phrasing) {
        commit(version -> {
            boolean added = engine.overlay().phrasings().values().stream().anyMatch(list -> list.contains(phrasing));
            if (!added) {
                throw new IllegalArgumentException("这个问法不是在后台添加的,或已经导出到内容文件,请在内容文件中修改");
            }
            return store.removePhrasing(version, phrasing);
        });
    }

    /** Takes back a topic created in the console, with every phrasing added to it since. */
    public void removeTopic(String topicId) {
        commit(version -> {
            FaqOverlay overlay = engine.overlay();
            if (!overlay.isNewTopic(topicId)) {
                throw new IllegalArgumentException("这个话题不是在后台新建的,或已经导出到内容文件");
            }
            return store.removeTopic(version, topicId, overlay.phrasingsOf(topicId));
        });
    }

    /**
     * Runs a check-and-write against the overlay version this instance has applied. The write fails
     * if another editor moved the version on; the engine then catches up and the check runs again.
     */
    private void commit(LongPredicate checkAndWrite) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            sync.refresh();
            if (checkAndWrite.test(engine.overlay().version())) {
                sync.refresh();
                return;
            }
        }
        throw new IllegalArgumentException("其他同事正在同时修改问答,请稍后再试一次");
    }

    private Optional<FaqEntry> ownerOf(String phrasing) {
        return engine.topics().stream().filter(topic -> topic.phrasings().contains(phrasing)).findFirst();
    }

    private static String phrasing(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("问法不能为空");
        }
        if (text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException("一种问法只能有一行");
        }
        if (text.length() > MAX_PHRASING_CHARS) {
            throw new IllegalArgumentException("问法不能超过" + MAX_PHRASING_CHARS + "字");
        }
        return text;
    }

    /** Browsers send CRLF and editors paste tabs; content/ files have neither. */
    private static String normaliseAnswer(String raw) {
        return raw.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').lines()
                .map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }
}
