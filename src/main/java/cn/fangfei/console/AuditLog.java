package cn.fangfei.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.util.Pool;

/**
 * Who did what, when, to what: one Redis stream per day, appended to and never trimmed. Entries name
 * tips and topics by id; a tip's text never goes in.
 */
@Component
public class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_FIELD_CHARS = 200;

    /** One entry. {@code who} is a staff username, or the name typed on the login form for failed logins. */
    public record Entry(Instant at, String who, String action, String target, String detail, String address) {
        /** The action in words; an action this version no longer knows shows as recorded. */
        public String actionLabel() {
            for (AuditAction known : AuditAction.values()) {
                if (known.name().equals(action)) {
                    return known.label();
                }
            }
            return action;
        }
    }

    private final Pool<Jedis> redis;
    private final Clock clock;

    public AuditLog(Pool<Jedis> redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** An action of the staff member logged in on this request. */
    public void record(HttpServletRequest request, AuditAction action, String target, String detail) {
        String who = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        record(who, action, target, detail, request.getRemoteAddr());
    }

    public void record(String who, AuditAction action, String target, String detail, String address) {
        Instant now = clock.instant();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", Long.toString(now.toEpochMilli()));
        fields.put("who", clip(who));
        fields.put("action", action.name());
        fields.put("target", clip(target));
        fields.put("detail", clip(detail));
        fields.put("address", clip(address));
        try (Jedis jedis = redis.getResource()) {
            jedis.xadd(ConsoleKeys.audit(LocalDate.ofInstant(now, zone())), XAddParams.xAddParams(), fields);
        } catch (JedisException e) {
            // The action itself went through (or failed) on its own; losing its record must be visible.
            log.error("audit entry could not be written: {} {} {}: {}", who, action, target, e.getMessage());
            throw e;
        }
    }

    /** One day's entries, newest first. */
    public List<Entry> day(LocalDate day, int limit) {
        try (Jedis jedis = redis.getResource()) {
            List<StreamEntry> entries = jedis.xrevrange(ConsoleKeys.audit(day), StreamEntryID.MAXIMUM_ID,
                    StreamEntryID.MINIMUM_ID, limit);
            return entries.stream().map(AuditLog::entry).toList();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static Entry entry(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        return new Entry(Instant.ofEpochMilli(Long.parseLong(fields.getOrDefault("at", "0"))),
                fields.getOrDefault("who", ""), fields.getOrDefault("action", ""), fields.getOrDefault("target", ""),
                fields.getOrDefault("detail", ""), fields.getOrDefault("address", ""));
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > MAX_FIELD_CHARS ? value.substring(0, MAX_FIELD_CHARS) + "…" : value;
    }
}
