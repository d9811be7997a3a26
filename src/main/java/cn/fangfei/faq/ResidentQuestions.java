package cn.fangfei.faq;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.fangfei.content.Replies;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The answering side of the residents' chat: turns one message from one resident into the reply
 * text. Redis only holds conveniences here (the pending choice, the topic just answered for follow-ups,
 * the unanswered log), so when it is down the resident still gets an answer.
 */
@Service
public class ResidentQuestions {
    private static final Logger log = LoggerFactory.getLogger(ResidentQuestions.class);
    private static final Pattern PICK = Pattern.compile("^(?:第)?([1-3１-３一二三])(?:个|条)?$");
    /** Longest greeting or thanks still treated as small talk rather than a question. */
    private static final int SMALLTALK_MAX_CHARS = 8;

    private final AnswerEngine engine;
    private final AnswerFormatter formatter;
    private final PendingPicks picks;
    private final LastTopics lastTopics;
    private final RiskDescriptions riskDescriptions;
    private final UnansweredLog unanswered;
    private final QuestionStats stats;
    private final Replies replies;
    private final MeterRegistry meters;

    public ResidentQuestions(AnswerEngine engine, AnswerFormatter formatter, PendingPicks picks, LastTopics lastTopics,
                             RiskDescriptions riskDescriptions, UnansweredLog unanswered, QuestionStats stats, Replies replies, MeterRegistry meters) {
        this.engine = engine;
        this.formatter = formatter;
        this.picks = picks;
        this.lastTopics = lastTopics;
        this.riskDescriptions = riskDescriptions;
        this.unanswered = unanswered;
        this.stats = stats;
        this.replies = replies;
        this.meters = meters;
    }

    /** The reply to a resident's text (or recognised voice) message. */
    public String reply(String openid, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return replies.text("empty-text");
        }
        Matcher pick = PICK.matcher(trimmed);
        if (pick.matches()) {
            return picked(openid, pickNumber(pick.group(1)));
        }
        String clean = engine.clean(trimmed);
        if (clean.length() <= SMALLTALK_MAX_CHARS) {
            if (startsWithAny(clean, engine.thanks())) {
                return replies.text("thanks");
            }
            if (startsWithAny(clean, engine.greetings())) {
                return replies.text("greeting");
            }
        }
        Optional<String> previous = previousTopic(openid);
        Answer answer = previous.isPresent() ? engine.askFollowUp(clean, previous.get()) : engine.askCleaned(clean);
        meters.counter("fangfei.faq.answers", "outcome", answer.outcome().name().toLowerCase(Locale.ROOT)).increment();
        try {
            stats.record(answer);
            switch (answer.outcome()) {
                case SUGGEST -> picks.offer(openid, answer.suggestions().stream().map(s -> s.entry().id()).toList());
                case FALLBACK -> unanswered.record(clean);
                case ANSWER -> lastTopics.remember(openid, answer.topic().id());
            }
        } catch (JedisException e) {
            log.warn("Redis unavailable, answering without remembering the choice, the unanswered question or the counts: {}",
                    e.getMessage());
        }
        return formatter.format(answer);
    }

    /**
     * The reply to a menu button that leads to a topic. The self-check's button asks the resident to
     * describe the project (there is nothing to assess yet) and the next message is assessed; without
     * Redis it gives the self-check's general answer.
     */
    public String menuAnswer(String openid, String topicId) {
        if (AnswerFormatter.RISK_TOPIC.equals(topicId) && engine.topic(topicId).isPresent()) {
            try {
                riskDescriptions.ask(openid);
                return replies.text("risk-ask-describe");
            } catch (JedisException e) {
                log.warn("Redis unavailable, giving the self-check's general answer: {}", e.getMessage());
            }
        }
        return answerOf(topicId);
    }

    /** Whether this resident was just asked to describe a project; false when Redis cannot tell. */
    public boolean awaitsRiskDescription(String openid) {
        try {
            return riskDescriptions.pending(openid);
        } catch (JedisException e) {
            return false;
        }
    }

    /** The self-check of a project the resident described after the 项目风险自测 button. */
    public String assessRisk(String openid, String description) {
        try {
            riskDescriptions.close(openid);
        } catch (JedisException e) {
            log.warn("Redis unavailable, the self-check request stays until it expires: {}", e.getMessage());
        }
        String trimmed = description == null ? "" : description.strip();
        if (trimmed.isEmpty()) {
            return replies.text("empty-text");
        }
        return engine.topic(AnswerFormatter.RISK_TOPIC)
                .map(entry -> formatter.topic(entry, engine.riskFindings(trimmed)))
                .orElseGet(() -> reply(openid, trimmed));
    }

    /** The chat answer of one topic, for menu clicks such as faq:how-to-report; null if no such topic. */
    public String answerOf(String topicId) {
        return engine.topic(topicId).map(entry -> formatter.topic(entry, List.of())).orElse(null);
    }

    private String picked(String openid, int number) {
        Optional<String> topicId;
        try {
            topicId = picks.take(openid, number);
            topicId.ifPresent(id -> lastTopics.remember(openid, id));
        } catch (JedisException e) {
            log.warn("Redis unavailable, cannot read the offered choices: {}", e.getMessage());
            return replies.text("service-busy");
        }
        return topicId.map(this::answerOf).orElseGet(() -> replies.text("pick-expired"));
    }

    /** The topic answered to this resident a moment ago, if any: a follow-up is read in its context. */
    private Optional<String> previousTopic(String openid) {
        try {
            return lastTopics.recall(openid);
        } catch (JedisException e) {
            log.warn("Redis unavailable, answering without the previous topic: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static int pickNumber(String digit) {
        return switch (digit) {
            case "1", "１", "一" -> 1;
            case "2", "２", "二" -> 2;
            default -> 3;
        };
    }

    private static boolean startsWithAny(String text, Set<String> prefixes) {
        return prefixes.stream().anyMatch(text::startsWith);
    }
}
