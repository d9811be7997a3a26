package cn.fangfei.tip.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.fangfei.redis.OncePerPeriod;
import cn.fangfei.tip.MailOutbox;
import cn.fangfei.tip.OutboxMail;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Sends what waits in the {@link MailOutbox}, in the background. A failed mail is tried again later,
 * each wait twice the last (up to a limit), and given up after the configured number of attempts with
 * an error in the log. Also queues the daily digest, once a day across all instances.
 */
@Component
public class TipMailer {
    private static final Logger log = LoggerFactory.getLogger(TipMailer.class);
    /** Longer than one send can take (the SMTP timeouts are 10 s), so a mail being sent is not taken twice. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final MailOutbox outbox;
    private final MailTexts texts;
    private final ObjectProvider<JavaMailSender> sender;
    private final TipProperties.Mail settings;
    private final OncePerPeriod daily;
    private final Clock clock;

    public TipMailer(MailOutbox outbox, MailTexts texts, ObjectProvider<JavaMailSender> sender, TipProperties properties,
            Pool<Jedis> redis, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.sender = sender;
        this.settings = properties.mail();
        this.daily = new OncePerPeriod(redis);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "#{@'fangfei.tip-cn.fangfei.tip.TipProperties'.mailPollInterval()}")
    public void sendDue() {
        if (!outbox.enabled()) {
            return;
        }
        List<MailOutbox.Due> due;
        try {
            due = outbox.claimDue(clock.instant(), LEASE, BATCH);
        } catch (JedisException e) {
            return;
        }
        due.forEach(this::send);
    }

    /** Queues today's digest unless another instance already did. */
    @Scheduled(cron = "#{@'fangfei.tip-cn.fangfei.tip.TipProperties'.digestCron()}", zone = "#{@clock.zone.id}")
    public void queueDigest() {
        if (!outbox.enabled()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (daily.claim(TipKeys.digestSent(today), TipKeys.DAILY_MARKER_TTL)) {
            outbox.enqueueDigest(today);
        }
    }

    private void send(MailOutbox.Due due) {
        OutboxMail mail = due.mail();
        Optional<SimpleMailMessage> message;
        try {
            message = render(mail);
        } catch (RuntimeException e) {
            log.error("mail {} about tip {} cannot be written and is dropped ({})", mail.kind(), mail.tip(),
                    e.getClass().getSimpleName());
            outbox.done(due);
            return;
        }
        if (message.isEmpty()) {
            outbox.done(due);
            return;
        }
        try {
            sender.getObject().send(message.get());
            outbox.done(due);
            log.info("mail {} about tip {} sent", mail.kind(), mail.tip().isEmpty() ? mail.day() : mail.tip());
        } catch (MailException e) {
            retryOrGiveUp(due, e);
        }
    }

    private void retryOrGiveUp(MailOutbox.Due due, MailException failure) {
        OutboxMail mail = due.mail();
        if (mail.attempt() + 1 >= settings.maxAttempts()) {
            log.error("mail {} about tip {} given up after {} attempts ({})", mail.kind(), mail.tip(),
                    mail.attempt() + 1, failure.getClass().getSimpleName());
            outbox.done(due);
            return;
        }
        Duration wait = backoff(mail.attempt());
        log.warn("mail {} about tip {} failed (attempt {}), next try in {}s ({})", mail.kind(), mail.tip(),
                mail.attempt() + 1, wait.toSeconds(), failure.getClass().getSimpleName());
        outbox.retryAfter(due, wait);
    }

    Duration backoff(int attempt) {
        Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    private Optional<SimpleMailMessage> render(OutboxMail mail) {
        Optional<MailTexts.Text> text = switch (mail.kind()) {
            case OutboxMail.NEW_TIP -> texts.newTip(mail.tip());
            case OutboxMail.ESCALATION -> texts.escalation(mail.tip(), mail.by(), mail.note());
            case OutboxMail.DEAD_LETTER -> texts.deadLetter(mail.tip(), mail.deliveries());
            case OutboxMail.DIGEST -> texts.digest(LocalDate.parse(mail.day()), Instant.now(clock));
            default -> Optional.empty();
        };
        List<String> to = switch (mail.kind()) {
            case OutboxMail.ESCALATION -> List.of(settings.escalationTo());
            case OutboxMail.DEAD_LETTER -> settings.alertTo();
            default -> settings.reviewers();
        };
        if (text.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(text.get().subject());
        message.setText(text.get().body());
        return Optional.of(message);
    }
}
