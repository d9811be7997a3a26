package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.TestClock;
import cn.fangfei.campaign.subscription.Subscribers;
import cn.fangfei.campaign.subscription.SubscriptionKeys;
import cn.fangfei.wechat.FakeWechatServer;
import redis.clients.jedis.Jedis;

/** Mass sends by WeChat user tag: tags brought in line first, one send per reminder, within WeChat's quota. */
class MassSendingTest extends SendingTest {
    private static final String TEXT = "明天(3月15日)是国际消费者权益日。以“消费返利”“充值送高息”为名吸收资金的,可能是非法集资,"
            + "请多留个心眼。拿不准的项目,可以直接发消息问我。\n详细说明:http://localhost:8080/faq/prepaid-cards";

    private final TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));

    @Test
    void subscribersAreTaggedInWechatAndTheTagGetsOneMassSend() throws Exception {
        List<String> everyone = subscribe(3, clock);
        List<String> elderly = subscribe(2, clock, "elderly");

        sender(Settings.subscription(), clock).runDue();

        assertThat(FakeWechatServer.bodiesSentTo("/cgi-bin/tags/create"))
                .containsExactlyInAnyOrder("{\"tag\":{\"name\":\"防非提醒\"}}", "{\"tag\":{\"name\":\"防非提醒-老年人\"}}");
        long allTag = wechatTagId("all");
        assertThat(FakeWechatServer.bodiesSentTo("/cgi-bin/tags/members/batchtagging")).anySatisfy(body -> {
            assertThat(body).contains("\"tagid\":" + allTag);
            everyone.forEach(openid -> assertThat(body).contains("\"" + openid + "\""));
            elderly.forEach(openid -> assertThat(body).contains("\"" + openid + "\""));
        });
        List<String> sends = FakeWechatServer.bodiesSentTo(MASS_SEND);
        assertThat(sends).hasSize(1);
        JSONAssert.assertEquals("""
                {"filter":{"is_to_all":false,"tag_id":%d},"text":{"content":"%s"},"msgtype":"text",
                 "send_ignore_reprint":0,"clientmsgid":"%s"}""".formatted(allTag, TEXT.replace("\n", "\\n"),
                CampaignWechat.clientMsgId(CONSUMER_DAY, "mass:all")), sends.get(0), JSONCompareMode.STRICT);
        assertThat(FakeWechatServer.pathsCalled()).containsSubsequence("/cgi-bin/tags/members/batchtagging", MASS_SEND);

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.channel()).isEqualTo("mass");
        assertThat(record.recipients()).isEqualTo(5);
        assertThat(record.sent()).isEqualTo(1);
        assertThat(progressOf(CONSUMER_DAY, "mass:all")).startsWith("s:");
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.get(SendingKeys.dailyMassCount(LocalDate.of(2027, 3, 14)))).isEqualTo("1");
            assertThat(jedis.hlen(SubscriptionKeys.WX_DIRTY)).isZero();
            assertThat(jedis.smembers(SendingKeys.wxTags(elderly.get(0)))).isEqualTo(Set.of("all", "elderly"));
        }
    }

    @Test
    void residentsWhoUnsubscribedLoseTheirTagsBeforeTheSend() {
        subscribe(3, clock);
        assertThat(mirror.sync(new Retrier(Settings.subscription().build()), () -> false)).isNull();
        new Subscribers(redis, clock, hashes).unsubscribe("o-1");
        FakeWechatServer.reset();

        sender(Settings.subscription(), clock).runDue();

        assertThat(FakeWechatServer.bodiesSentTo("/cgi-bin/tags/members/batchuntagging"))
                .containsExactly("{\"tagid\":" + wechatTagId("all") + ",\"openid_list\":[\"o-1\"]}");
        assertThat(FakeWechatServer.pathsCalled()).containsSubsequence("/cgi-bin/tags/members/batchuntagging", MASS_SEND);
        assertThat(FakeWechatServer.bodiesSentTo("/cgi-bin/tags/create")).isEmpty();
    }

    /** Dies after WeChat took the mass send; the restart sends the same clientmsgid and WeChat says it has it. */
    @Test
    void aMassSendCutOffAfterTheCallIsNotSentTwice() {
        subscribe(4, clock);
        SendProbe dieAfterCall = new SendProbe() {
            @Override
            public void called(String recipient) {
                throw new ExactlyOnceTest.SimulatedCrash();
            }
        };
        assertThatThrownBy(() -> sender(Settings.subscription(), clock, dieAfterCall).runDue())
                .hasRootCauseInstanceOf(ExactlyOnceTest.SimulatedCrash.class);
        assertThat(progressOf(CONSUMER_DAY, "mass:all")).startsWith("c:");
        FakeWechatServer.answer(MASS_SEND, request -> error(45065));

        sender(Settings.subscription(), clock).runDue();

        List<String> sends = FakeWechatServer.bodiesSentTo(MASS_SEND);
        assertThat(sends).hasSize(2);
        assertThat(sends).map(SendingTest::clientMsgIdOf).containsOnly(CampaignWechat.clientMsgId(CONSUMER_DAY, "mass:all"));
        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.sent()).isEqualTo(1);
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.get(SendingKeys.dailyMassCount(LocalDate.of(2027, 3, 14)))).isEqualTo("1");
        }
    }

    @Test
    void wechatsQuotaErrorStopsTheRunAndSaysWhy() {
        subscribe(2, clock);
        FakeWechatServer.answer(MASS_SEND, request -> error(45028));

        sender(Settings.subscription(), clock).runDue();

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.STOPPED);
        assertThat(record.stopReason()).contains("群发失败", "群发次数已用完", "45028");
        assertThat(progressOf(CONSUMER_DAY, "mass:all")).isNull();
        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).hasSize(1);
    }

    @Test
    void aSubscriptionAccountMassSendsOnceADay() {
        subscribe(2, clock);
        try (Jedis jedis = redis.getResource()) {
            jedis.set(SendingKeys.dailyMassCount(LocalDate.of(2027, 3, 14)), "1");
        }

        sender(Settings.subscription(), clock).runDue();

        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).isEmpty();
        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.STOPPED);
        assertThat(record.stopReason()).isEqualTo("订阅号每天只能群发1次,今天的群发次数已用完");
    }

    @Test
    void aServiceAccountMassSendsFourTimesAMonth() {
        subscribe(2, clock);
        try (Jedis jedis = redis.getResource()) {
            jedis.set(SendingKeys.monthlyMassCount(YearMonth.of(2027, 3)), "3");
        }

        sender(Settings.service().noTemplate(), clock).runDue();
        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).hasSize(1);

        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.get(SendingKeys.monthlyMassCount(YearMonth.of(2027, 3)))).isEqualTo("4");
            jedis.del(SendingKeys.send(CONSUMER_DAY), SendingKeys.progress(CONSUMER_DAY));
        }
        sender(Settings.service().noTemplate(), clock).runDue();

        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).hasSize(1);
        assertThat(sendLog(clock).read(CONSUMER_DAY).stopReason()).isEqualTo("服务号每月最多群发4次,本月的群发次数已用完");
    }

    private long wechatTagId(String audience) {
        try (Jedis jedis = redis.getResource()) {
            return Long.parseLong(jedis.hget(SendingKeys.WX_TAG_IDS, audience));
        }
    }
}
