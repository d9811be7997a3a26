package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.TestClock;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.wechat.FakeWechatServer;

/** Transient WeChat errors are retried, quota and account errors stop the run, one resident's failure is recorded. */
class ErrorHandlingTest extends SendingTest {
    private final TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));

    @Test
    void transientErrorsAreRetriedWithTheSameIdempotencyKey() {
        List<String> openids = subscribe(6, clock);
        Map<String, Integer> tries = new ConcurrentHashMap<>();
        failFor(TEMPLATE_SEND, openid -> {
            int attempt = tries.merge(openid, 1, Integer::sum);
            if (!openid.equals("o-1") || attempt > 2) {
                return null;
            }
            return attempt == 1 ? -1 : 45011;
        });

        sender(Settings.service().attempts(3), clock).runDue();

        assertThat(perRecipient(TEMPLATE_SEND)).containsOnlyKeys(openids)
                .allSatisfy((openid, count) -> assertThat(count).isEqualTo(openid.equals("o-1") ? 3 : 1));
        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).filteredOn(b -> touser(b).equals("o-1")).map(SendingTest::clientMsgIdOf)
                .containsOnly(CampaignWechat.clientMsgId(CONSUMER_DAY, "template"));
        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.sent()).isEqualTo(6);
    }

    @Test
    void transientErrorsThatPersistPauseTheRunWhichResumesByItself() {
        List<String> openids = subscribe(8, clock);
        failFor(TEMPLATE_SEND, openid -> openid.equals("o-2") ? 45009 : null);

        sender(Settings.service().attempts(3).threads(1), clock).runDue();

        SendRecord paused = sendLog(clock).read(CONSUMER_DAY);
        assertThat(paused.status()).isEqualTo(SendStatus.PAUSED);
        assertThat(paused.stopReason()).contains("重试 3 次仍失败", "接口调用次数已达今日上限", "45009");
        assertThat(paused.retryAfter()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(progressOf(CONSUMER_DAY, "o-2")).isNull();
        assertThat(perRecipient(TEMPLATE_SEND)).containsEntry("o-2", 3L);

        FakeWechatServer.answer(TEMPLATE_SEND, request -> null);
        sender(Settings.service(), clock).runDue();
        assertThat(sendLog(clock).read(CONSUMER_DAY).status()).isEqualTo(SendStatus.PAUSED);

        clock.advance(Duration.ofMinutes(6));
        sender(Settings.service(), clock).runDue();

        assertThat(perRecipient(TEMPLATE_SEND)).containsOnlyKeys(openids)
                .allSatisfy((openid, count) -> assertThat(count).isEqualTo(openid.equals("o-2") ? 4 : 1));
        SendRecord done = sendLog(clock).read(CONSUMER_DAY);
        assertThat(done.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(done.sent()).isEqualTo(8);
    }

    @Test
    void oneResidentsFailureIsRecordedAndNotFollowingUnsubscribes() {
        subscribe(6, clock);
        failFor(TEMPLATE_SEND, openid -> switch (openid) {
            case "o-1" -> 43101;
            case "o-4" -> 43004;
            default -> null;
        });

        sender(Settings.service(), clock).runDue();

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.sent()).isEqualTo(4);
        assertThat(record.failed()).isEqualTo(2);
        assertThat(progressOf(CONSUMER_DAY, "o-1")).isEqualTo("f:43101");
        assertThat(progressOf(CONSUMER_DAY, "o-4")).isEqualTo("f:43004");
        assertThat(isSubscriber("o-4")).isFalse();
        assertThat(isSubscriber("o-1")).isTrue();
    }

    @Test
    void manyResidentsFailingAlikeStopTheRun() {
        subscribe(12, clock);
        failFor(TEMPLATE_SEND, openid -> 40003);

        sender(Settings.service().threads(1).sameFailureLimit(5), clock).runDue();

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.STOPPED);
        assertThat(record.stopReason()).contains("连续 5 人发送失败", "openid 无效");
        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).hasSize(5);
    }

    @Test
    void anAccountErrorStopsAtTheFirstResidentAndLeavesThemForLater() {
        subscribe(5, clock);
        failFor(TEMPLATE_SEND, openid -> 40037);

        sender(Settings.service().threads(1), clock).runDue();

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.STOPPED);
        assertThat(record.stopReason()).contains("模板 id 无效", "40037");
        List<String> bodies = FakeWechatServer.bodiesSentTo(TEMPLATE_SEND);
        assertThat(bodies).hasSize(1);
        assertThat(progressOf(CONSUMER_DAY, touser(bodies.get(0)))).isNull();
        assertThat(record.sent() + record.failed()).isZero();
    }

    @Test
    void aStoppedSendWaitsForAnEditorAndThenCarriesOn() {
        List<String> openids = subscribe(4, clock);
        failFor(TEMPLATE_SEND, openid -> 48001);
        sender(Settings.service().threads(1), clock).runDue();
        FakeWechatServer.answer(TEMPLATE_SEND, request -> null);

        sender(Settings.service(), clock).runDue();
        assertThat(sendLog(clock).read(CONSUMER_DAY).status()).isEqualTo(SendStatus.STOPPED);

        PlannedSend send = calendar.find(CONSUMER_DAY, TestClock.SHANGHAI).orElseThrow();
        assertThat(sendLog(clock).resumeStopped(send, "editor1")).isTrue();
        sender(Settings.service(), clock).runDue();

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.sent()).isEqualTo(4);
        assertThat(perRecipient(TEMPLATE_SEND).keySet()).containsExactlyInAnyOrderElementsOf(openids);
        assertThat(sendLog(clock).events(CONSUMER_DAY)).anySatisfy(e -> assertThat(e).contains("恢复发送:editor1"));
    }
}
