package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.TestClock;
import cn.fangfei.campaign.subscription.Subscribers;
import cn.fangfei.campaign.subscription.SubscriptionKeys;
import cn.fangfei.wechat.FakeWechatServer;
import redis.clients.jedis.Jedis;

/** The scheduled tick sends what its clock says is due, and forgets residents silent for 48 hours. */
class CampaignSchedulerTest extends SendingTest {
    @Test
    void aTickSendsWhatIsDueAndTrimsTheCustomerServiceWindow() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.minusHours(50));
        new Subscribers(redis, clock, hashes).subscribe("o-quiet");
        clock.advance(Duration.ofHours(50).plusSeconds(30));
        List<String> openids = subscribe(3, clock);

        scheduler(Settings.service().scheduler(true), clock).sendDue();

        assertThat(perRecipient(TEMPLATE_SEND).keySet()).containsExactlyInAnyOrder("o-quiet", openids.get(0), openids.get(1), openids.get(2));
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.zscore(SubscriptionKeys.ACTIVE, hashes.hex(SubscriptionKeys.ACTIVE_PURPOSE, "o-quiet"))).isNull();
            assertThat(jedis.zcard(SubscriptionKeys.ACTIVE)).isEqualTo(3);
        }
    }

    @Test
    void aSwitchedOffInstanceSendsNothing() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        subscribe(3, clock);

        scheduler(Settings.service().scheduler(false), clock).sendDue();

        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).isEmpty();
    }

    private CampaignScheduler scheduler(Settings settings, TestClock clock) {
        CampaignProperties properties = settings.build();
        Subscribers subscribers = new Subscribers(redis, clock, hashes);
        WeeklyDigest digest = new WeeklyDigest(calendar, sendLog(clock), messages(properties), properties,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), redis, clock);
        return new CampaignScheduler(properties, sender(settings, clock), subscribers, digest);
    }
}
