package cn.fangfei.campaign.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.campaign.subscription.AudienceScan;
import cn.fangfei.campaign.subscription.Subscribers;
import cn.fangfei.redis.RedisLock;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * Sends the reminders that are due, exactly once across all instances. Each scheduler tick tries to
 * take the sender role ({@link #senderRole}); the instance that gets it works through the due sends:
 * it chooses the channel, waits for approval where required, then delivers with per-recipient (or per
 * batch) progress, so a run cut short anywhere resumes where it stopped. Times come from the injected
 * {@link Clock}.
 */
@Component
public class CampaignSender implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);
    /** A send interrupted before its window closed is still finalised (as expired) up to this long after. */
    private static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private final CampaignCalendar calendar;
    private final SendLog sendLog;
    private final Subscribers subscribers;
    private final ReminderMessages messages;
    private final CampaignProperties properties;
    private final Pool<Jedis> redis;
    private final Clock clock;
    private final RedisLock lock;
    private final MassDelivery mass;
    private final RecipientDelivery recipients;
    private volatile boolean shuttingDown;
    private volatile SendRun current;

    @Autowired
    public CampaignSender(CampaignCalendar calendar, SendLog sendLog, Subscribers subscribers, ReminderMessages messages,
            CampaignWechat wechat, WechatTagMirror mirror, CampaignProperties properties, Pool<Jedis> redis, Clock clock) {
        this(calendar, sendLog, subscribers, messages, wechat, mirror, properties, redis, clock, SendProbe.NONE);
    }

    CampaignSender(CampaignCalendar calendar, SendLog sendLog, Subscribers subscribers, ReminderMessages messages,
            CampaignWechat wechat, WechatTagMirror mirror, CampaignProperties properties, Pool<Jedis> redis, Clock clock,
            SendProbe probe) {
        this.calendar = calendar;
        this.sendLog = sendLog;
        this.subscribers = subscribers;
        this.messages = messages;
        this.properties = properties;
        this.redis = redis;
        this.clock = clock;
        this.lock = senderRole(redis, properties.lockLease());
        Retrier retrier = new Retrier(properties);
        this.mass = new MassDelivery(mirror, wechat, properties, retrier, probe, clock);
        this.recipients = new RecipientDelivery(subscribers, wechat, sendLog, properties, retrier, probe, clock);
    }

    /**
     * The sender role, held by one instance at a time. Its fencing token goes with every progress and
     * log write ({@link SendProgress}, {@link SendLog}), so a holder that lost the role writes nothing more.
     */
    static RedisLock senderRole(Pool<Jedis> redis, Duration lease) {
        return RedisLock.fenced(redis, SendingKeys.SENDER_LOCK, SendingKeys.SENDER_FENCE, lease);
    }

    /**
     * One tick: if this instance gets the sender role, it works through every send that is due. Returns
     * the ids of the sends it looked at (empty when another instance holds the role).
     */
    public List<String> runDue() {
        Optional<RedisLock.Lease> acquired = lock.tryAcquire();
        if (acquired.isEmpty()) {
            return List.of();
        }
        List<String> handled = new ArrayList<>();
        try (RedisLock.Lease lease = acquired.get()) {
            Instant now = clock.instant();
            ZoneId zone = clock.getZone();
            for (PlannedSend send : calendar.due(now.minus(properties.sendWindow()).minus(LOOK_BACK), now, zone)) {
                if (lease.lost() || shuttingDown) {
                    break;
                }
                runOne(send, lease);
                handled.add(send.id());
            }
        }
        return handled;
    }

    private void runOne(PlannedSend send, RedisLock.Lease lease) {
        SendRecord record = sendLog.read(send.id());
        SendStatus status = record.status();
        Instant now = clock.instant();
        if (status.terminal() || status == SendStatus.STOPPED
                || status == SendStatus.PAUSED && record.retryAfter() != null && now.isBefore(record.retryAfter())) {
            return;
        }
        Instant deadline = send.dueAt().toInstant().plus(properties.sendWindow());
        if (!now.isBefore(deadline)) {
            sendLog.expire(lease.token(), send, record.started() ? "超过发送时限,余下的不再发送" : "到期时未能发送(系统未运行或未审批)");
            return;
        }
        RenderedMessage message = record.message();
        if (message == null) {
            Optional<RenderedMessage> rendered = messages.render(send);
            if (rendered.isEmpty()) {
                sendLog.stop(lease.token(), send, messages.noChannelReason(send));
                return;
            }
            message = rendered.get();
            if (properties.needsApproval(message.channel()) && !message.hash().equals(record.approvedHash())) {
                awaitApproval(send, record, message, lease);
                return;
            }
            if (sendLog.start(lease.token(), send, message, audienceSize(message)) != 1) {
                return;
            }
        } else if (sendLog.resume(lease.token(), send) != 1) {
            return;
        }
        SendRun run = new SendRun(send, message, new SendProgress(redis, send.id(), lease.token()), lease, deadline);
        current = run;
        try {
            if (message.channel() == Channel.MASS) {
                mass.deliver(run);
            } else {
                recipients.deliver(run);
            }
        } catch (RuntimeException | Error e) {
            run.crashed(e);
        } finally {
            current = null;
        }
        conclude(run);
    }

    private void awaitApproval(PlannedSend send, SendRecord record, RenderedMessage message, RedisLock.Lease lease) {
        String seen = sendLog.awaitingHash(send.id()).orElse(null);
        String event = null;
        if (record.status() != SendStatus.AWAITING_APPROVAL) {
            event = "等待审批:" + message.channel().label() + "需要编辑审批后才会发送";
        } else if (!message.hash().equals(seen)) {
            event = "提醒内容有变化,需要重新审批";
        }
        sendLog.awaitApproval(lease.token(), send, message, event);
    }

    private void conclude(SendRun run) {
        SendRun.Stop stop = run.stopped();
        long token = run.lease.token();
        if (stop == null) {
            SendRecord done = sendLog.read(run.id());
            if (sendLog.finish(token, run.send, SendLog.summary(done)) == 1) {
                try (Jedis jedis = redis.getResource()) {
                    jedis.expire(SendingKeys.progress(run.id()), SendingKeys.PROGRESS_KEPT.toSeconds());
                }
                log.info("campaign send {} finished: {}", run.id(), SendLog.summary(done));
            }
            return;
        }
        log.warn("campaign send {} stopped: {} {}", run.id(), stop.kind(), stop.reason());
        switch (stop.kind()) {
            case PAUSE -> sendLog.pause(token, run.send, stop.reason(),
                    shuttingDown ? clock.instant() : clock.instant().plus(properties.pauseAfterTransient()));
            case STOP -> sendLog.stop(token, run.send, stop.reason());
            case EXPIRED -> sendLog.expire(token, run.send, stop.reason());
            case CRASH -> throw new IllegalStateException("campaign send " + run.id() + " crashed", run.crash());
            case LOCK_LOST, CANCELLED -> {
                // Another holder carries on, or an editor ended it: nothing more to write.
            }
        }
    }

    private long audienceSize(RenderedMessage message) {
        if (message.channel() != Channel.CUSTOMER_SERVICE) {
            return subscribers.count(message.audience());
        }
        long active = 0;
        AudienceScan scan = subscribers.scan(message.audience(), 1000);
        for (List<String> page = scan.next(); page != null; page = scan.next()) {
            active += subscribers.activeAmong(page).size();
        }
        return active;
    }

    /** Lets a running send stop after its in-flight calls, so that it pauses cleanly and resumes after the restart. */
    @Override
    public void destroy() throws InterruptedException {
        shuttingDown = true;
        SendRun run = current;
        if (run != null) {
            run.stop(SendRun.Stop.Kind.PAUSE, "服务正在停止,重启后继续");
            long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
            while (current != null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }
}
