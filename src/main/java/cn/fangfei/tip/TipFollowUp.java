package cn.fangfei.tip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * The tipster's side, reached only with the receipt code: the status and the office's messages, and
 * adding information or answering a question. Every code that leads nowhere (malformed, never issued,
 * mistyped, purged) gets the same answer and counts against the sender, who is refused for a while
 * after too many.
 */
@Service
public class TipFollowUp {
    /**
     * KEYS tip, history, messages, files; ARGV now, history, message (with "files":[] to fill in),
     * needs-info status, checking status, then the sealed files.
     */
    private static final RedisScript ADD = new RedisScript("""
            if redis.call('exists', KEYS[1]) == 0 then return -1 end
            if redis.call('hexists', KEYS[1], 'closed') == 1 then return 0 end
            local message = ARGV[3]
            local count = #ARGV - 5
            if count > 0 then
              local first = redis.call('llen', KEYS[4])
              redis.call('rpush', KEYS[4], unpack(ARGV, 6))
              local indexes = {}
              for j = 0, count - 1 do indexes[#indexes + 1] = tostring(first + j) end
              message = (string.gsub(message, '"files":%[%]', '"files":[' .. table.concat(indexes, ',') .. ']', 1))
              redis.call('hset', KEYS[1], 'files', first + count)
            end
            redis.call('rpush', KEYS[3], message)
            redis.call('rpush', KEYS[2], ARGV[2])
            redis.call('hset', KEYS[1], 'unread', '1', 'updated', ARGV[1])
            if redis.call('hget', KEYS[1], 'status') == ARGV[4] then
              redis.call('hset', KEYS[1], 'status', ARGV[5])
            end
            return 1
            """);

    public enum Outcome { FOUND, NOT_FOUND, THROTTLED }

    /** What a lookup found; the view only when found. */
    public record Lookup(Outcome outcome, Optional<TipsterView> view) {
    }

    /** A tip as its tipster sees it: no history, no reviewer names, no internal notes. */
    public record TipsterView(String tipId, String category, TipStatus status, Instant created, boolean closed,
            List<VisibleMessage> messages) {
    }

    public record VisibleMessage(Instant at, boolean fromOffice, boolean question, String text, int files) {
    }

    private final Pool<Jedis> redis;
    private final TipStore store;
    private final TipTexts texts;
    private final Receipts receipts;
    private final SenderLimits limits;
    private final TipInput input;
    private final TipProperties properties;
    private final Clock clock;

    public TipFollowUp(Pool<Jedis> redis, TipStore store, TipTexts texts, Receipts receipts, SenderLimits limits,
            TipInput input, TipProperties properties, Clock clock) {
        this.redis = redis;
        this.store = store;
        this.texts = texts;
        this.receipts = receipts;
        this.limits = limits;
        this.input = input;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param sender the openid or IP address, only ever used through its keyed hash; empty when unknown */
    public Lookup lookup(Optional<String> sender, String typedReceipt) {
        if (limits.lookupsBlocked(sender)) {
            return new Lookup(Outcome.THROTTLED, Optional.empty());
        }
        Optional<TipRecord> tip = Receipts.normalize(typedReceipt)
                .flatMap(code -> store.idByReceipt(receipts.lookupHashes(code)))
                .flatMap(store::find);
        if (tip.isEmpty()) {
            limits.recordFailedLookup(sender);
            return new Lookup(Outcome.NOT_FOUND, Optional.empty());
        }
        return new Lookup(Outcome.FOUND, Optional.of(view(tip.get())));
    }

    /**
     * Adds the tipster's words and/or files to an open tip. Throws {@link TipInputException} for bad
     * input and {@link TipConflictException} once the tip is closed.
     */
    public void addInfo(String tipId, String text, List<Attachment> attachments) {
        String checked = text == null || text.isBlank() ? "" : input.text(text);
        if (checked.isEmpty() && attachments.isEmpty()) {
            throw new TipInputException("tip-text-empty");
        }
        if (attachments.size() > properties.maxFiles()) {
            throw new TipInputException("tip-too-many-files", Map.of("max", Integer.toString(properties.maxFiles())));
        }
        long now = TipsterDay.now(clock);
        TipMessage message = new TipMessage(now, TipMessage.TIPSTER, TipMessage.INFO, "",
                texts.seal(tipId, TipTexts.MESSAGE, checked), List.of());
        String action = attachments.isEmpty() ? "举报人补充情况" : "举报人补充情况(附" + attachments.size() + "个文件)";
        List<byte[]> args = new ArrayList<>();
        for (String arg : List.of(Long.toString(now), store.historyJson(now, HistoryEntry.TIPSTER, action),
                store.messageJson(message), TipStatus.NEEDS_INFO.label(), TipStatus.CHECKING.label())) {
            args.add(TipStore.utf8(arg));
        }
        attachments.forEach(attachment -> args.add(texts.sealFile(tipId, attachment)));
        Object result;
        try (Jedis jedis = redis.getResource()) {
            result = ADD.runBinary(jedis, List.of(TipKeys.tip(tipId), TipKeys.history(tipId), TipKeys.messages(tipId),
                    TipKeys.files(tipId)).stream().map(TipStore::utf8).toList(), args);
        }
        if (Long.valueOf(-1).equals(result)) {
            throw new TipNotFoundException(tipId);
        }
        if (Long.valueOf(0).equals(result)) {
            throw new TipConflictException("这条举报已经办结,不能再补充");
        }
    }

    public Optional<TipsterView> view(String tipId) {
        return store.find(tipId).map(this::view);
    }

    private TipsterView view(TipRecord tip) {
        List<VisibleMessage> visible = new ArrayList<>();
        for (TipMessage message : store.messages(tip.id())) {
            if (message.visibleToTipster()) {
                visible.add(new VisibleMessage(Instant.ofEpochMilli(message.at()), TipMessage.OFFICE.equals(message.from()),
                        TipMessage.QUESTION.equals(message.kind()), texts.open(tip.id(), TipTexts.MESSAGE, message.text()),
                        message.files().size()));
            }
        }
        return new TipsterView(tip.id(), tip.category(), tip.status(), tip.created(), tip.isClosed(), visible);
    }
}
