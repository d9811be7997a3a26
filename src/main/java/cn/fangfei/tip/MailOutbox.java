package cn.fangfei.tip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import cn.fangfei.redis.CoarseExpiry;
import cn.fangfei.redis.RedisScript;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.Pool;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails to send, as a sorted set in Redis scored by when each is due (a new tip's mail by the tip's
 * day, leases and retries by whole minutes: a score to the millisecond would date the tip). A mail is
 * queued in the same script as the event it reports (a tip stored, a risk raised), and sent later by
 * {@link cn.fangfei.tip.mail.TipMailer}, so a slow or broken mail server never delays or fails a submission, and a mail
 * survives a restart. Without a mail host nothing is queued at all.
 */
@Component
public class MailOutbox {
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /** Takes the due mails and pushes their score past a lease, so another instance doesn't send them too. */
    private static final RedisScript CLAIM_DUE = new RedisScript("""
            local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, member in ipairs(due) do
              redis.call('zadd', KEYS[1], 'XX', ARGV[2], member)
            end
            return due
            """);

    private final boolean enabled;
    private final TipProperties.Mail settings;
    private final Pool<Jedis> redis;
    private final JsonMapper json;
    private final Clock clock;

    public MailOutbox(ObjectProvider<JavaMailSender> mailSender, TipProperties properties, Pool<Jedis> redis,
            JsonMapper json, Clock clock) {
        this.enabled = mailSender.getIfAvailable() != null;
        this.settings = properties.mail();
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        if (!enabled) {
            log.info("spring.mail.host is not set: tip-off mails (new tips, digest, escalation, alerts) are not sent");
        } else if (settings.reviewers().isEmpty()) {
            log.info("FANGFEI_TIP_REVIEWER_EMAILS is not set: no new-tip notices or digests are mailed");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The outbox member announcing a new tip, or "" when there is nobody to tell. */
    public String newTip(String tipId) {
        return member(!settings.reviewers().isEmpty(), OutboxMail.NEW_TIP, tipId, "", "", "", 0);
    }

    public String escalation(String tipId, String by, String sealedNote) {
        return member(!settings.escalationTo().isEmpty(), OutboxMail.ESCALATION, tipId, by, sealedNote, "", 0);
    }

    public String deadLetter(String tipId, long deliveries) {
        return member(!settings.alertTo().isEmpty(), OutboxMail.DEAD_LETTER, tipId, "", "", "", deliveries);
    }

    public void enqueueDigest(LocalDate day) {
        String member = member(!settings.reviewers().isEmpty(), OutboxMail.DIGEST, "", "", "", day.toString(), 0);
        if (!member.isEmpty()) {
            try (Jedis jedis = redis.getResource()) {
                jedis.zadd(TipKeys.MAIL_OUTBOX, clock.millis(), member);
            }
        }
    }

    /** A mail taken from the outbox, with its member string as stored, which is what removes it. */
    public record Due(String member, OutboxMail mail) {
    }

    public List<Due> claimDue(Instant now, Duration lease, int max) {
        Object due;
        try (Jedis jedis = redis.getResource()) {
            due = CLAIM_DUE.run(jedis, List.of(TipKeys.MAIL_OUTBOX),
                    List.of(Long.toString(now.toEpochMilli()), Long.toString(CoarseExpiry.wholeMinuteAfter(now.plus(lease).toEpochMilli())), Integer.toString(max)));
        }
        return ((List<?>) due).stream()
                .map(member -> new Due((String) member, json.readValue((String) member, OutboxMail.class)))
                .toList();
    }

    public void done(Due due) {
        try (Jedis jedis = redis.getResource()) {
            jedis.zrem(TipKeys.MAIL_OUTBOX, due.member());
        }
    }

    /**
     * Due again after {@code wait}, rounded up to a whole multiple of the wait itself (at most of a
     * minute): the first retry of a new tip's mail comes a fixed time after the tip, so a retry time to
     * the millisecond would date the tip.
     */
    public void retryAfter(Due due, Duration wait) {
        long unit = Math.max(1, Math.min(wait.toMillis(), Duration.ofMinutes(1).toMillis()));
        long at = ((clock.millis() + wait.toMillis()) / unit + 1) * unit;
        try (Jedis jedis = redis.getResource()) {
            Transaction tx = jedis.multi();
            tx.zrem(TipKeys.MAIL_OUTBOX, due.member());
            tx.zadd(TipKeys.MAIL_OUTBOX, at, json.writeValueAsString(due.mail().nextAttempt()));
            tx.exec();
        }
    }

    private String member(boolean hasRecipients, String kind, String tipId, String by, String note, String day, long deliveries) {
        if (!enabled || !hasRecipients) {
            return "";
        }
        return json.writeValueAsString(new OutboxMail(UUID.randomUUID().toString(), kind, tipId, 0, by, note, day, deliveries));
    }
}
