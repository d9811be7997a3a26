package cn.fangfei.tip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * What reviewers do with a tip. Every action is one script (the tip, its history, its messages, the
 * queue, the ledger and the outbox change together or not at all) and names the reviewer by their
 * login. Whoever acts on a tip becomes its holder, which also restarts its idle time in the queue.
 */
@Service
public class TipReview {
    private static final String GUARD = """
            if redis.call('exists', KEYS[1]) == 0 then return -1 end
            """;
    private static final String OPEN_GUARD = GUARD + """
            if redis.call('hexists', KEYS[1], 'closed') == 1 then return 0 end
            """;

    /** KEYS tip, history, messages; ARGV status, now, history, note, reviewer. */
    private static final RedisScript SET_STATUS = new RedisScript(OPEN_GUARD + """
            redis.call('hset', KEYS[1], 'status', ARGV[1], 'updated', ARGV[2], 'assignee', ARGV[5])
            redis.call('hdel', KEYS[1], 'unread')
            redis.call('rpush', KEYS[2], ARGV[3])
            if ARGV[4] ~= '' then redis.call('rpush', KEYS[3], ARGV[4]) end
            return 1
            """);

    /**
     * KEYS tip, history, messages, open, closed, ledger, stream; ARGV status, now, history, note,
     * reviewer, group, id, entry, then ledger field/increment pairs.
     */
    private static final RedisScript CLOSE = new RedisScript(OPEN_GUARD + """
            redis.call('hset', KEYS[1], 'status', ARGV[1], 'closed', ARGV[2], 'updated', ARGV[2], 'assignee', ARGV[5])
            redis.call('hdel', KEYS[1], 'unread')
            redis.call('rpush', KEYS[2], ARGV[3])
            if ARGV[4] ~= '' then redis.call('rpush', KEYS[3], ARGV[4]) end
            redis.call('zrem', KEYS[4], ARGV[7])
            redis.call('zadd', KEYS[5], ARGV[2], ARGV[7])
            if ARGV[8] ~= '' then redis.pcall('xack', KEYS[7], ARGV[6], ARGV[8]) end
            for i = 9, #ARGV, 2 do
              redis.call('hincrby', KEYS[6], ARGV[i], ARGV[i + 1])
            end
            return 1
            """);

    /**
     * KEYS tip, history, messages, outbox, ledger; ARGV risk, now, history, note, reviewer, escalate,
     * escalation history, mail, ledger field.
     */
    private static final RedisScript SET_RISK = new RedisScript(OPEN_GUARD + """
            redis.call('hset', KEYS[1], 'risk', ARGV[1], 'updated', ARGV[2], 'assignee', ARGV[5])
            redis.call('hdel', KEYS[1], 'unread')
            redis.call('rpush', KEYS[2], ARGV[3])
            if ARGV[4] ~= '' then redis.call('rpush', KEYS[3], ARGV[4]) end
            if ARGV[6] == '1' and redis.call('hexists', KEYS[1], 'escalated') == 0 then
              redis.call('hset', KEYS[1], 'escalated', ARGV[2])
              redis.call('rpush', KEYS[2], ARGV[7])
              if ARGV[8] ~= '' then redis.call('zadd', KEYS[4], ARGV[2], ARGV[8]) end
              redis.call('hincrby', KEYS[5], ARGV[9], 1)
              return 2
            end
            return 1
            """);

    /** KEYS tip, history, messages, outbox, ledger; ARGV now, history, note, reviewer, mail, ledger field. */
    private static final RedisScript ESCALATE = new RedisScript(OPEN_GUARD + """
            if redis.call('hexists', KEYS[1], 'escalated') == 0 then
              redis.call('hset', KEYS[1], 'escalated', ARGV[1])
              redis.call('hincrby', KEYS[5], ARGV[6], 1)
            end
            redis.call('hset', KEYS[1], 'updated', ARGV[1], 'assignee', ARGV[4])
            redis.call('rpush', KEYS[2], ARGV[2])
            if ARGV[3] ~= '' then redis.call('rpush', KEYS[3], ARGV[3]) end
            if ARGV[5] ~= '' then redis.call('zadd', KEYS[4], ARGV[1], ARGV[5]) end
            return 1
            """);

    /** KEYS tip, history, messages; ARGV now, history, message, question, needs-info status, reviewer. */
    private static final RedisScript MESSAGE = new RedisScript(GUARD + """
            local closed = redis.call('hexists', KEYS[1], 'closed') == 1
            if ARGV[4] == '1' and closed then return 0 end
            redis.call('rpush', KEYS[3], ARGV[3])
            redis.call('rpush', KEYS[2], ARGV[2])
            redis.call('hset', KEYS[1], 'updated', ARGV[1])
            redis.call('hdel', KEYS[1], 'unread')
            if not closed then redis.call('hset', KEYS[1], 'assignee', ARGV[6]) end
            if ARGV[4] == '1' then redis.call('hset', KEYS[1], 'status', ARGV[5]) end
            return 1
            """);

    /** KEYS tip, history, stream; ARGV now, history, id. */
    private static final RedisScript REQUEUE = new RedisScript(OPEN_GUARD + """
            if redis.call('hget', KEYS[1], 'dead') ~= '1' then return -2 end
            local entry = redis.call('xadd', KEYS[3], '*', 'tip', ARGV[3])
            redis.call('hset', KEYS[1], 'entry', entry, 'updated', ARGV[1])
            redis.call('hdel', KEYS[1], 'dead', 'assignee')
            redis.call('rpush', KEYS[2], ARGV[2])
            return 1
            """);

    private final Pool<Jedis> redis;
    private final TipStore store;
    private final TipQueue queue;
    private final TipTexts texts;
    private final MailOutbox outbox;
    private final Ledger ledger;
    private final TipInput input;
    private final Clock clock;

    public TipReview(Pool<Jedis> redis, TipStore store, TipQueue queue, TipTexts texts, MailOutbox outbox, Ledger ledger,
            TipInput input, Clock clock) {
        this.redis = redis;
        this.store = store;
        this.queue = queue;
        this.texts = texts;
        this.outbox = outbox;
        this.ledger = ledger;
        this.input = input;
        this.clock = clock;
    }

    public Optional<TipRecord> claimNext(String reviewer) {
        return queue.claimNext(reviewer);
    }

    /** Ids are checked for their form first, so that no request can name another kind of key. */
    public TipRecord get(String id) {
        if (!TipIds.isWellFormed(id)) {
            throw new TipNotFoundException(id);
        }
        return store.find(id).orElseThrow(() -> new TipNotFoundException(id));
    }

    /** A new status; a verdict closes the tip and acknowledges its queue entry. */
    public TipRecord setStatus(String id, TipStatus status, String note, String reviewer) {
        TipRecord tip = get(id);
        long now = clock.millis();
        String action = "状态:" + tip.status().label() + " → " + status.label() + (note.isBlank() ? "" : "(附备注)");
        String noteJson = noteJson(id, note, reviewer, now);
        String history = store.historyJson(now, reviewer, action);
        Object result;
        try (Jedis jedis = redis.getResource()) {
            if (status.isVerdict()) {
                List<String> args = new ArrayList<>(List.of(status.label(), Long.toString(now), history, noteJson,
                        reviewer, TipKeys.GROUP, id, tip.entry()));
                Ledger.closedFields(status, tip.riskLabel(), tip.category(), tip.created(), Instant.ofEpochMilli(now))
                        .forEach((field, amount) -> {
                            args.add(field);
                            args.add(Long.toString(amount));
                        });
                result = CLOSE.run(jedis, List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.messages(id),
                        TipKeys.OPEN, TipKeys.CLOSED, ledger.keyOf(now), TipKeys.STREAM), args);
            } else {
                result = SET_STATUS.run(jedis, List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.messages(id)),
                        List.of(status.label(), Long.toString(now), history, noteJson, reviewer));
            }
        }
        checked(result, id);
        return touched(id, reviewer);
    }

    /** Raising a tip to high risk reports it to the city office (once; {@link #escalate} sends again). */
    public TipRecord setRisk(String id, RiskLevel risk, String note, String reviewer) {
        get(id);
        long now = clock.millis();
        String noteJson = noteJson(id, note, reviewer, now);
        boolean high = risk == RiskLevel.HIGH;
        Object result;
        try (Jedis jedis = redis.getResource()) {
            result = SET_RISK.run(jedis, List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.messages(id),
                    TipKeys.MAIL_OUTBOX, ledger.keyOf(now)), List.of(
                    risk.label(), Long.toString(now),
                    store.historyJson(now, reviewer, "风险等级:" + risk.label() + (note.isBlank() ? "" : "(附备注)")),
                    noteJson, reviewer, high ? "1" : "0",
                    store.historyJson(now, HistoryEntry.SYSTEM, "高风险,已发邮件上报市处非办"),
                    high ? outbox.escalation(id, reviewer, sealedNote(id, note)) : "", Ledger.ESCALATED));
        }
        checked(result, id);
        return touched(id, reviewer);
    }

    /** Reports the tip to the city office (市处非办) by mail, with the reviewer's note. */
    public TipRecord escalate(String id, String note, String reviewer) {
        get(id);
        long now = clock.millis();
        Object result;
        try (Jedis jedis = redis.getResource()) {
            result = ESCALATE.run(jedis, List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.messages(id),
                    TipKeys.MAIL_OUTBOX, ledger.keyOf(now)), List.of(
                    Long.toString(now), store.historyJson(now, reviewer, "上报市处非办"), noteJson(id, note, reviewer, now),
                    reviewer, outbox.escalation(id, reviewer, sealedNote(id, note)), Ledger.ESCALATED));
        }
        checked(result, id);
        return touched(id, reviewer);
    }

    /** A message for the tipster, who reads it with the receipt; a question also asks them for more (需补充材料). */
    public TipRecord message(String id, String text, boolean question, String reviewer) {
        get(id);
        String checkedText = input.text(text);
        long now = clock.millis();
        TipMessage message = new TipMessage(now, TipMessage.OFFICE, question ? TipMessage.QUESTION : TipMessage.MESSAGE,
                reviewer, texts.seal(id, TipTexts.MESSAGE, checkedText), List.of());
        Object result;
        try (Jedis jedis = redis.getResource()) {
            result = MESSAGE.run(jedis, List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.messages(id)), List.of(
                    Long.toString(now), store.historyJson(now, reviewer, question ? "向举报人提问" : "给举报人留言"),
                    store.messageJson(message), question ? "1" : "0", TipStatus.NEEDS_INFO.label(), reviewer));
        }
        checked(result, id);
        return touched(id, reviewer);
    }

    /** Puts a dead-lettered tip back in the queue as a new entry. */
    public TipRecord requeue(String id, String reviewer) {
        get(id);
        long now = clock.millis();
        Object result;
        try (Jedis jedis = redis.getResource()) {
            result = REQUEUE.run(jedis, List.of(TipKeys.tip(id), TipKeys.history(id), TipKeys.STREAM),
                    List.of(Long.toString(now), store.historyJson(now, reviewer, "从死信队列重新排队"), id));
        }
        if (Long.valueOf(-2).equals(result)) {
            throw new TipConflictException("这条线索不在死信队列中");
        }
        checked(result, id);
        return get(id);
    }

    private TipRecord touched(String id, String reviewer) {
        TipRecord tip = get(id);
        if (!tip.isClosed()) {
            queue.touch(tip, reviewer);
        }
        return tip;
    }

    private String noteJson(String id, String note, String reviewer, long now) {
        if (note == null || note.isBlank()) {
            return "";
        }
        return store.messageJson(new TipMessage(now, TipMessage.OFFICE, TipMessage.NOTE, reviewer,
                texts.seal(id, TipTexts.MESSAGE, input.text(note)), List.of()));
    }

    private String sealedNote(String id, String note) {
        return note == null || note.isBlank() ? "" : texts.seal(id, TipTexts.MESSAGE, note.strip());
    }

    private static void checked(Object result, String id) {
        if (Long.valueOf(-1).equals(result)) {
            throw new TipNotFoundException(id);
        }
        if (Long.valueOf(0).equals(result)) {
            throw new TipConflictException("这条线索已经办结,不能再修改状态、风险等级或提问");
        }
    }
}
