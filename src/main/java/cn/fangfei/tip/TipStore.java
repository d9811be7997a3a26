package cn.fangfei.tip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.util.Pool;
import tools.jackson.databind.json.JsonMapper;

/** Tips in Redis: storing a new one (all its keys, its queue entry, its ledger count and its mail at once) and reading them. */
@Component
public class TipStore {
    public enum Inserted { STORED, ALREADY_STORED, RECEIPT_TAKEN }

    /**
     * Stores a tip exactly once. An existing tip hash means this id was stored before (a replayed spool
     * record, a form sent twice): nothing changes, except that a replay adds its receipt when missing,
     * so the code the resident was given always works. The queue entry comes last but one: a tip is
     * never in the stream without its record. Its id is not Redis's millisecond clock but the tip's
     * day and a sequence number, so the stream dates a tip no more precisely than its record does.
     */
    private static final RedisScript INSERT = new RedisScript("""
            -- XADD's own ids are the millisecond of the write; ours are the tip's day (its created) and a
            -- sequence, or the stream's last id plus one when the stream is already past that day
            local function entry_id(stream, day)
              local ok, info = pcall(redis.call, 'xinfo', 'stream', stream)
              if ok then
                for i = 1, #info, 2 do
                  if info[i] == 'last-generated-id' then
                    local ms, seq = string.match(info[i + 1], '^(%d+)-(%d+)$')
                    if tonumber(ms) >= tonumber(day) then return ms .. '-' .. (tonumber(seq) + 1) end
                  end
                end
              end
              return day .. '-1'
            end
            local id = ARGV[1]
            if redis.call('exists', KEYS[1]) == 1 then
              if ARGV[5] == '1' and redis.call('exists', KEYS[2]) == 0 then
                redis.call('set', KEYS[2], id)
                local receipts = redis.call('hget', KEYS[1], 'receipts') or ''
                redis.call('hset', KEYS[1], 'receipts', receipts .. ' ' .. ARGV[6])
              end
              return 0
            end
            if redis.call('exists', KEYS[2]) == 1 then
              return -1
            end
            local i = 7
            local ledger = {}
            for j = 1, tonumber(ARGV[i]) do ledger[j] = ARGV[i + j] end
            i = i + #ledger + 1
            local fields = {}
            for j = 1, tonumber(ARGV[i]) do fields[j] = ARGV[i + j] end
            i = i + #fields + 1
            redis.call('hset', KEYS[1], unpack(fields))
            redis.call('hset', KEYS[1], 'receipts', ARGV[6])
            redis.call('set', KEYS[2], id)
            if i <= #ARGV then
              redis.call('rpush', KEYS[4], unpack(ARGV, i))
            end
            redis.call('persist', KEYS[4])
            redis.call('hset', KEYS[1], 'files', redis.call('llen', KEYS[4]))
            redis.call('rpush', KEYS[3], ARGV[3])
            redis.call('zadd', KEYS[6], ARGV[2], id)
            for _, field in ipairs(ledger) do
              redis.call('hincrby', KEYS[7], field, 1)
            end
            local entry = redis.call('xadd', KEYS[5], entry_id(KEYS[5], ARGV[2]), 'tip', id)
            redis.call('hset', KEYS[1], 'entry', entry)
            if ARGV[4] ~= '' then
              redis.call('zadd', KEYS[8], ARGV[2], ARGV[4])
            end
            return 1
            """);

    private final Pool<Jedis> redis;
    private final Ledger ledger;
    private final MailOutbox outbox;
    private final JsonMapper json;

    public TipStore(Pool<Jedis> redis, Ledger ledger, MailOutbox outbox, JsonMapper json) {
        this.redis = redis;
        this.ledger = ledger;
        this.outbox = outbox;
        this.json = json;
    }

    /** Throws JedisException when Redis is unreachable; the caller spools the tip then. */
    public Inserted insert(SealedTip tip, boolean replay) {
        List<String> ledgerFields = Ledger.receivedFields(tip.category(), tip.channel());
        List<String> fields = List.of(
                "id", tip.id(),
                "status", TipStatus.RECEIVED.label(),
                "category", tip.category(),
                "channel", tip.channel().name(),
                "kid", tip.keyId(),
                "what", tip.what(),
                "where", tip.where(),
                "contact", tip.contact(),
                "created", Long.toString(tip.createdMillis()),
                "updated", Long.toString(tip.createdMillis()));
        List<byte[]> args = new ArrayList<>();
        for (String arg : List.of(tip.id(), Long.toString(tip.createdMillis()),
                historyJson(tip.createdMillis(), HistoryEntry.TIPSTER, "提交举报(" + tip.channel().label() + ")"),
                outbox.newTip(tip.id()), replay ? "1" : "0", tip.receiptHash())) {
            args.add(utf8(arg));
        }
        args.add(utf8(Integer.toString(ledgerFields.size())));
        ledgerFields.forEach(field -> args.add(utf8(field)));
        args.add(utf8(Integer.toString(fields.size())));
        fields.forEach(field -> args.add(utf8(field)));
        args.addAll(tip.files());
        List<byte[]> keys = List.of(TipKeys.tip(tip.id()), TipKeys.receipt(tip.receiptHash()), TipKeys.history(tip.id()),
                TipKeys.files(tip.id()), TipKeys.STREAM, TipKeys.OPEN, ledger.keyOf(tip.createdMillis()), TipKeys.MAIL_OUTBOX)
                .stream().map(TipStore::utf8).toList();
        long result;
        try (Jedis jedis = redis.getResource()) {
            result = (Long) INSERT.runBinary(jedis, keys, args);
        }
        return result == 1 ? Inserted.STORED : result == 0 ? Inserted.ALREADY_STORED : Inserted.RECEIPT_TAKEN;
    }

    public Optional<TipRecord> find(String id) {
        Map<String, String> hash;
        try (Jedis jedis = redis.getResource()) {
            hash = jedis.hgetAll(TipKeys.tip(id));
        }
        return hash.isEmpty() ? Optional.empty() : Optional.of(TipRecord.fromHash(hash));
    }

    /** The tips that still exist, in the order asked, read in one round trip. */
    public List<TipRecord> find(List<String> ids) {
        List<Response<Map<String, String>>> responses = new ArrayList<>();
        try (Jedis jedis = redis.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            ids.forEach(id -> responses.add(pipeline.hgetAll(TipKeys.tip(id))));
            pipeline.sync();
        }
        return responses.stream().map(Response::get).filter(hash -> !hash.isEmpty()).map(TipRecord::fromHash).toList();
    }

    /** The tip a receipt belongs to; the hashes are the receipt under each configured key. */
    public Optional<String> idByReceipt(List<String> receiptHashes) {
        List<String> ids;
        try (Jedis jedis = redis.getResource()) {
            ids = jedis.mget(receiptHashes.stream().map(TipKeys::receipt).toArray(String[]::new));
        }
        return ids.stream().filter(id -> id != null).findFirst();
    }

    public List<HistoryEntry> history(String id) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.lrange(TipKeys.history(id), 0, -1).stream()
                    .map(entry -> json.readValue(entry, HistoryEntry.class)).toList();
        }
    }

    public List<TipMessage> messages(String id) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.lrange(TipKeys.messages(id), 0, -1).stream()
                    .map(entry -> json.readValue(entry, TipMessage.class)).toList();
        }
    }

    /** A sealed attachment, 0-based. */
    public Optional<byte[]> file(String id, int index) {
        try (Jedis jedis = redis.getResource()) {
            return Optional.ofNullable(jedis.lindex(utf8(TipKeys.files(id)), index));
        }
    }

    /** Ids of open tips, oldest first. */
    public List<String> openIds() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.zrange(TipKeys.OPEN, 0, -1);
        }
    }

    String historyJson(long at, String by, String action) {
        return json.writeValueAsString(new HistoryEntry(at, by, action));
    }

    String messageJson(TipMessage message) {
        return json.writeValueAsString(message);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
