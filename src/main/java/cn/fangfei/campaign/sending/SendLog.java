package cn.fangfei.campaign.sending;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.util.Pool;
import tools.jackson.databind.json.JsonMapper;

/**
 * The send log: one Redis hash per planned send, a list of what happened to it, and an index by due
 * time. Every change is one Lua script that checks the current status first, so two writers (the
 * sender and an editor cancelling) never leave it half-changed; the sender's changes also carry its
 * fencing token and are refused once it lost the sender role.
 */
@Component
public class SendLog {
    static final long FENCED = -1;
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * KEYS: fence, log, events, index. ARGV: token ('' for an editor: no fence check), allowed statuses
     * (comma list; 'planned' means no record yet), new status ('' keeps it), event ('' for none),
     * due millis, send id, then field/value pairs. 1 done, 0 not allowed from the current status, -1 fenced.
     */
    private static final RedisScript TRANSITION = new RedisScript("""
            if ARGV[1] ~= '' and redis.call('get', KEYS[1]) ~= ARGV[1] then return -1 end
            local status = redis.call('hget', KEYS[2], 'status') or 'planned'
            if not string.find(',' .. ARGV[2] .. ',', ',' .. status .. ',', 1, true) then return 0 end
            for i = 7, #ARGV, 2 do redis.call('hset', KEYS[2], ARGV[i], ARGV[i + 1]) end
            if ARGV[3] ~= '' then redis.call('hset', KEYS[2], 'status', ARGV[3]) end
            if ARGV[4] ~= '' then redis.call('rpush', KEYS[3], ARGV[4]) end
            redis.call('zadd', KEYS[4], ARGV[5], ARGV[6])
            return 1""");

    private final Pool<Jedis> redis;
    private final JsonMapper json;
    private final Clock clock;

    public SendLog(Pool<Jedis> redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    public SendRecord read(String sendId) {
        try (Jedis jedis = redis.getResource()) {
            return record(sendId, jedis.hgetAll(SendingKeys.send(sendId)));
        }
    }

    /** Several records in one round trip, in the order asked. */
    public List<SendRecord> read(List<String> sendIds) {
        try (Jedis jedis = redis.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            List<Response<Map<String, String>>> responses = sendIds.stream()
                    .map(id -> pipeline.hgetAll(SendingKeys.send(id))).toList();
            pipeline.sync();
            List<SendRecord> out = new ArrayList<>();
            for (int i = 0; i < sendIds.size(); i++) {
                out.add(record(sendIds.get(i), responses.get(i).get()));
            }
            return out;
        }
    }

    /** What happened to a send, oldest first, each line starting with its time. */
    public List<String> events(String sendId) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.lrange(SendingKeys.sendEvents(sendId), 0, -1);
        }
    }

    /** Ids of every send with a log due in [from, to), including campaigns since removed from the calendar. */
    public List<String> idsDueBetween(Instant from, Instant to) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.zrangeByScore(SendingKeys.SENDS, from.toEpochMilli(), to.toEpochMilli() - 1);
        }
    }

    // --- the sender's changes, fenced ---------------------------------------------------------------

    long awaitApproval(long token, PlannedSend send, RenderedMessage message, String event) {
        Map<String, String> fields = meta(send);
        fields.put("channel", message.channel().id());
        fields.put("awaitingHash", message.hash());
        // paused: a send stopped before it started (say, no channel) and resumed by an editor.
        return transition(token, send, "planned,awaiting-approval,paused", SendStatus.AWAITING_APPROVAL, event, fields);
    }

    long start(long token, PlannedSend send, RenderedMessage message, long recipients) {
        Map<String, String> fields = meta(send);
        fields.put("channel", message.channel().id());
        fields.put("message", json.writeValueAsString(message));
        fields.put("recipients", Long.toString(recipients));
        fields.put("startedAt", Long.toString(clock.millis()));
        fields.put("token", Long.toString(token));
        return transition(token, send, "planned,awaiting-approval,paused", SendStatus.SENDING,
                "开始发送:" + message.channel().label() + ",共 " + recipients + (message.channel() == Channel.MASS ? " 位订阅者(按标签群发)" : " 人"),
                fields);
    }

    long resume(long token, PlannedSend send) {
        return transition(token, send, "sending,paused", SendStatus.SENDING, "继续发送(上次未完成)",
                new LinkedHashMap<>(Map.of("token", Long.toString(token), "retryAfter", "", "stopReason", "")));
    }

    long finish(long token, PlannedSend send, String summary) {
        return transition(token, send, "sending", SendStatus.FINISHED, "发送完成:" + summary,
                new LinkedHashMap<>(Map.of("finishedAt", Long.toString(clock.millis()))));
    }

    long pause(long token, PlannedSend send, String reason, Instant retryAfter) {
        return transition(token, send, "sending", SendStatus.PAUSED, "暂停:" + reason,
                new LinkedHashMap<>(Map.of("stopReason", reason, "retryAfter", Long.toString(retryAfter.toEpochMilli()))));
    }

    long stop(long token, PlannedSend send, String reason) {
        Map<String, String> fields = meta(send);
        fields.put("stopReason", reason);
        return transition(token, send, "planned,awaiting-approval,sending,paused", SendStatus.STOPPED, "停止:" + reason, fields);
    }

    long expire(long token, PlannedSend send, String reason) {
        Map<String, String> fields = meta(send);
        fields.put("stopReason", reason);
        fields.put("finishedAt", Long.toString(clock.millis()));
        return transition(token, send, "planned,awaiting-approval,sending,paused,stopped", SendStatus.EXPIRED,
                "过期:" + reason, fields);
    }

    // --- editors' changes -----------------------------------------------------------------------------

    /** Records who approved exactly this message. False when the send already started or ended. */
    public boolean approve(PlannedSend send, RenderedMessage message, String username) {
        Map<String, String> fields = meta(send);
        fields.put("approvedBy", username);
        fields.put("approvedAt", Long.toString(clock.millis()));
        fields.put("approvedHash", message.hash());
        return transition(0, send, "planned,awaiting-approval", null,
                "审批通过:" + username + "(" + message.channel().label() + ")", fields) == 1;
    }

    /** Stops a send that has not ended; one already sending stops at its next page. */
    public boolean cancel(PlannedSend send, String username) {
        return transition(0, send, "planned,awaiting-approval,sending,paused,stopped", SendStatus.CANCELLED,
                "已取消:" + username, meta(send)) == 1;
    }

    /** Lets a send stopped by a quota or account problem go on at the next tick. */
    public boolean resumeStopped(PlannedSend send, String username) {
        return transition(0, send, "stopped", SendStatus.PAUSED, "恢复发送:" + username,
                new LinkedHashMap<>(Map.of("retryAfter", "0"))) == 1;
    }

    public void note(PlannedSend send, String event) {
        transition(0, send, "planned,awaiting-approval,sending,paused,stopped,finished,expired,cancelled", null, event, meta(send));
    }

    /** The current status only, cheap enough to check between pages of a long send. */
    SendStatus status(String sendId) {
        try (Jedis jedis = redis.getResource()) {
            return SendStatus.fromId(jedis.hget(SendingKeys.send(sendId), "status"));
        }
    }

    private long transition(long token, PlannedSend send, String allowedFrom, SendStatus to, String event,
            Map<String, String> fields) {
        List<String> args = new ArrayList<>();
        args.add(token == 0 ? "" : Long.toString(token));
        args.add(allowedFrom);
        args.add(to == null ? "" : to.id());
        args.add(event == null || event.isEmpty() ? "" : EVENT_TIME.format(ZonedDateTime.now(clock)) + " " + event);
        args.add(Long.toString(send.dueAt().toInstant().toEpochMilli()));
        args.add(send.id());
        fields.forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        try (Jedis jedis = redis.getResource()) {
            return (Long) TRANSITION.run(jedis, List.of(SendingKeys.SENDER_FENCE, SendingKeys.send(send.id()),
                    SendingKeys.sendEvents(send.id()), SendingKeys.SENDS), args);
        }
    }

    private static Map<String, String> meta(PlannedSend send) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("campaign", send.campaign().id());
        fields.put("title", send.campaign().title());
        fields.put("dueAt", Long.toString(send.dueAt().toInstant().toEpochMilli()));
        return fields;
    }

    private SendRecord record(String sendId, Map<String, String> fields) {
        String message = fields.get("message");
        return SendRecord.from(sendId, fields, message == null ? null : json.readValue(message, RenderedMessage.class));
    }

    /** "成功 120,失败 3,未确认 0" from a record's counts. */
    static String summary(SendRecord record) {
        return "成功 " + record.sent() + ",失败 " + record.failed() + ",未确认 " + record.unknown();
    }

    Optional<String> awaitingHash(String sendId) {
        try (Jedis jedis = redis.getResource()) {
            return Optional.ofNullable(jedis.hget(SendingKeys.send(sendId), "awaitingHash"));
        }
    }
}
