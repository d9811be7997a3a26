package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.TestClock;
import cn.fangfei.campaign.calendar.CalendarFiles;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.redis.RedisLock;
import cn.fangfei.wechat.FakeWechatServer;
import redis.clients.jedis.Jedis;

/**
 * Several instances, crashes and pauses: every subscriber gets a reminder once, and nobody is missed
 * except, for a channel without an idempotency key, the one resident in flight when a holder died,
 * who is reported as unknown rather than sent twice.
 */
class ExactlyOnceTest extends SendingTest {
    /** A dying process, as seen from the send: nothing after this point runs. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    private static final String KEFU_SEND = "kefu-demo.2027-06-15.day+0d";
    private static final LocalDateTime KEFU_DUE = LocalDateTime.of(2027, 6, 15, 10, 0);

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void twoSchedulerInstancesRacingSendOnce() throws Exception {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(60, clock);
        // Slow enough (about half a second) that the instances overlap while one of them holds the role.
        CampaignSender one = sender(Settings.service().rate(120), clock);
        CampaignSender two = sender(Settings.service().rate(120), clock);
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicInteger ticksThatSent = new AtomicInteger();

        List<Future<?>> instances = new ArrayList<>();
        for (CampaignSender instance : List.of(one, two)) {
            instances.add(pool.submit(() -> {
                start.await();
                for (int tick = 0; tick < 5; tick++) {
                    if (!instance.runDue().isEmpty()) {
                        ticksThatSent.incrementAndGet();
                    }
                    Thread.sleep(50);
                }
                return null;
            }));
        }
        for (Future<?> instance : instances) {
            instance.get(30, TimeUnit.SECONDS);
        }

        assertEachOnce(TEMPLATE_SEND, openids);
        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.sent()).isEqualTo(60);
        assertThat(sendLog(clock).events(CONSUMER_DAY)).filteredOn(e -> e.contains("开始发送")).hasSize(1);
        assertThat(ticksThatSent.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCrashAfterSomeRecipientsThenARestartMissesNobodyAndRepeatsNobody() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(30, clock);
        CampaignSender crashing = sender(Settings.service().threads(3), clock, crashWhenSettled(7));

        assertThatThrownBy(crashing::runDue).hasRootCauseInstanceOf(SimulatedCrash.class);

        SendRecord midway = sendLog(clock).read(CONSUMER_DAY);
        assertThat(midway.status()).isEqualTo(SendStatus.SENDING);
        assertThat(midway.sent()).isBetween(7L, 29L);
        assertThat(perRecipient(TEMPLATE_SEND)).hasSize((int) midway.sent());

        clock.advance(Duration.ofMinutes(1));
        sender(Settings.service(), clock).runDue();

        assertEachOnce(TEMPLATE_SEND, openids);
        SendRecord done = sendLog(clock).read(CONSUMER_DAY);
        assertThat(done.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(done.sent()).isEqualTo(30);
        assertThat(done.unknown()).isZero();
        assertThat(done.recipients()).isEqualTo(30);
        assertThat(sendLog(clock).events(CONSUMER_DAY)).anySatisfy(e -> assertThat(e).contains("继续发送"));
    }

    @Test
    void theSameForCustomerServiceMessages() {
        TestClock clock = new TestClock(KEFU_DUE.plusSeconds(30));
        List<String> openids = subscribe(20, clock);
        CampaignCalendar kefu = kefuCalendar();

        assertThatThrownBy(() -> sender(Settings.service().threads(2), clock, crashWhenSettled(5), kefu).runDue())
                .hasRootCauseInstanceOf(SimulatedCrash.class);
        sender(Settings.service(), clock, SendProbe.NONE, kefu).runDue();

        assertEachOnce(CUSTOM_SEND, openids);
        assertThat(FakeWechatServer.bodiesSentTo(CUSTOM_SEND)).allSatisfy(body -> assertThat(body)
                .isEqualTo("{\"touser\":\"" + touser(body) + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"今天是客服提醒。\"}}"));
        assertThat(sendLog(clock).read(KEFU_SEND).sent()).isEqualTo(20);
    }

    /**
     * The one window no bookkeeping closes: WeChat took the call but the process died before recording
     * it. A template message goes again with the same client_msg_id, which WeChat delivers only once.
     */
    @Test
    void aTemplateMessageCutOffAfterTheCallIsRepeatedWithTheSameIdempotencyKey() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(10, clock);

        assertThatThrownBy(() -> sender(Settings.service().threads(1), clock, crashWhenCalled("o-4")).runDue())
                .hasRootCauseInstanceOf(SimulatedCrash.class);
        assertThat(progressOf(CONSUMER_DAY, "o-4")).startsWith("c:");
        sender(Settings.service(), clock).runDue();

        List<String> toO4 = FakeWechatServer.bodiesSentTo(TEMPLATE_SEND).stream().filter(b -> touser(b).equals("o-4")).toList();
        assertThat(toO4).hasSize(2).allSatisfy(body -> assertThat(body)
                .contains("\"client_msg_id\":\"" + CampaignWechat.clientMsgId(CONSUMER_DAY, "template") + "\""));
        assertThat(perRecipient(TEMPLATE_SEND)).containsOnlyKeys(openids)
                .allSatisfy((openid, count) -> assertThat(count).isEqualTo(openid.equals("o-4") ? 2 : 1));
        SendRecord done = sendLog(clock).read(CONSUMER_DAY);
        assertThat(done.sent()).isEqualTo(10);
        assertThat(done.unknown()).isZero();
    }

    /** WeChat keeps client_msg_id for 10 minutes; later the resident is reported, not risked twice. */
    @Test
    void aTemplateMessageCutOffLongerAgoThanWechatRemembersIsReportedUnknown() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        subscribe(6, clock);
        assertThatThrownBy(() -> sender(Settings.service().threads(1), clock, crashWhenCalled("o-2")).runDue())
                .hasRootCauseInstanceOf(SimulatedCrash.class);

        clock.advance(Duration.ofMinutes(11));
        sender(Settings.service(), clock).runDue();

        assertThat(perRecipient(TEMPLATE_SEND)).containsEntry("o-2", 1L).hasSize(6);
        SendRecord done = sendLog(clock).read(CONSUMER_DAY);
        assertThat(done.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(done.sent()).isEqualTo(5);
        assertThat(done.unknown()).isEqualTo(1);
        assertThat(progressOf(CONSUMER_DAY, "o-2")).isEqualTo("u");
    }

    /** Customer-service messages have no idempotency key: the one in flight is never sent twice. */
    @Test
    void aCustomerServiceMessageCutOffAfterTheCallIsReportedUnknownNotRepeated() {
        TestClock clock = new TestClock(KEFU_DUE.plusSeconds(30));
        List<String> openids = subscribe(8, clock);
        CampaignCalendar kefu = kefuCalendar();

        assertThatThrownBy(() -> sender(Settings.service().threads(1), clock, crashWhenCalled("o-3"), kefu).runDue())
                .hasRootCauseInstanceOf(SimulatedCrash.class);
        sender(Settings.service(), clock, SendProbe.NONE, kefu).runDue();

        assertEachOnce(CUSTOM_SEND, openids);
        SendRecord done = sendLog(clock).read(KEFU_SEND);
        assertThat(done.sent()).isEqualTo(7);
        assertThat(done.unknown()).isEqualTo(1);
    }

    /**
     * An instance that stalls (GC, a frozen VM) past its lease loses the role; when it wakes up it may
     * still complete the one WeChat call it was making, but the fencing token stops it writing anything.
     */
    @Test
    void aPausedHolderWhoseLeaseRanOutIsFencedOff() throws Exception {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(12, clock);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        SendProbe stallOnO5 = new SendProbe() {
            @Override
            public void claimed(String recipient) {
                if (recipient.equals("o-5")) {
                    stalled.countDown();
                    await(wake);
                }
            }
        };
        CampaignSender old = sender(Settings.service().threads(1), clock, stallOnO5);
        Future<List<String>> oldRun = pool.submit(old::runDue);
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
        long sentBeforeStall = sendLog(clock).read(CONSUMER_DAY).sent();

        // The stalled holder's lease runs out; another instance takes the role with a newer token and finishes.
        try (Jedis jedis = redis.getResource()) {
            jedis.del(SendingKeys.SENDER_LOCK);
        }
        sender(Settings.service(), clock).runDue();
        SendRecord byNewHolder = sendLog(clock).read(CONSUMER_DAY);
        assertThat(byNewHolder.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(byNewHolder.sent()).isEqualTo(12);

        wake.countDown();
        oldRun.get(10, TimeUnit.SECONDS);

        SendRecord after = sendLog(clock).read(CONSUMER_DAY);
        assertThat(after.sent()).isEqualTo(12);
        assertThat(after.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(progressOf(CONSUMER_DAY, "o-5")).isEqualTo("s");
        assertThat(sentBeforeStall).isLessThan(12);
        // o-5: the new holder's resend and the woken holder's call carry the same client_msg_id.
        assertThat(perRecipient(TEMPLATE_SEND)).containsOnlyKeys(openids)
                .allSatisfy((openid, count) -> assertThat(count).isEqualTo(openid.equals("o-5") ? 2 : 1));
    }

    @Test
    void progressAndLogWritesWithAnOldTokenAreRefused() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE);
        RedisLock lock = CampaignSender.senderRole(redis, Duration.ofSeconds(30));
        RedisLock.Lease first = lock.tryAcquire().orElseThrow();
        SendProgress old = new SendProgress(redis, "x.2027-03-15.day+0d", first.token());
        assertThat(old.claim("o-1", old.claimValue(1))).isEqualTo(1);
        first.close();

        RedisLock.Lease second = CampaignSender.senderRole(redis, Duration.ofSeconds(30)).tryAcquire().orElseThrow();

        assertThat(second.token()).isGreaterThan(first.token());
        assertThat(old.claim("o-2", old.claimValue(2))).isEqualTo(SendProgress.FENCED);
        assertThat(old.settle("o-1", old.claimValue(1), "s", "sent")).isEqualTo(SendProgress.FENCED);
        PlannedSend send = calendar.find(CONSUMER_DAY, TestClock.SHANGHAI).orElseThrow();
        assertThat(sendLog(clock).stop(first.token(), send, "x")).isEqualTo(SendLog.FENCED);
        assertThat(progressOf("x.2027-03-15.day+0d", "o-2")).isNull();
        second.close();
    }

    /** Held past its first lease: the watchdog renewed it four times (every third of the lease). */
    @Test
    void theLockIsKeptWhileRenewedAndFreedWhenItsHolderStops() {
        RedisLock one = CampaignSender.senderRole(redis, Duration.ofMillis(1500));
        RedisLock other = CampaignSender.senderRole(redis, Duration.ofMillis(1500));
        RedisLock.Lease lease = one.tryAcquire().orElseThrow();

        AtomicLong lastTtl = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger renewals = new AtomicInteger();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long ttl = lockTtl();
            if (ttl > lastTtl.getAndSet(ttl)) {
                renewals.incrementAndGet();
            }
            return renewals.get() >= 4 || ttl < 0;
        });
        assertThat(renewals).hasValue(4);
        assertThat(lease.lost()).isFalse();
        assertThat(other.tryAcquire()).isEmpty();

        lease.close();
        RedisLock.Lease next = other.tryAcquire().orElseThrow();
        assertThat(next.token()).isEqualTo(lease.token() + 1);
        next.close();
    }

    private long lockTtl() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.pttl(SendingKeys.SENDER_LOCK);
        }
    }

    private CampaignCalendar kefuCalendar() {
        CalendarFiles.write(dir, """
                tags: []
                keywords: {subscribe: [订阅提醒], unsubscribe: [退订]}
                campaigns:
                  - id: kefu-demo
                    title: 客服提醒
                    date: {fixed: "06-15"}
                    reminders: [{offset: 0d, time: "10:00"}]
                    audience: all
                    channels: [customer-service]
                    message: {text: "今天是{title}。"}
                """);
        CampaignCalendar kefu = new CampaignCalendar();
        kefu.reload(dir);
        return kefu;
    }

    /** Dies right after the k-th recipient's answer was recorded. */
    private static SendProbe crashWhenSettled(int k) {
        AtomicInteger settled = new AtomicInteger();
        return new SendProbe() {
            @Override
            public void settled(String recipient) {
                if (settled.incrementAndGet() == k) {
                    throw new SimulatedCrash();
                }
            }
        };
    }

    /** Dies after WeChat accepted the message for this recipient, before that is recorded. */
    private static SendProbe crashWhenCalled(String openid) {
        Set<String> once = new HashSet<>();
        return new SendProbe() {
            @Override
            public void called(String recipient) {
                if (recipient.equals(openid) && once.add(recipient)) {
                    throw new SimulatedCrash();
                }
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
