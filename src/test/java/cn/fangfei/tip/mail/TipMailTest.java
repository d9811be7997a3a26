package cn.fangfei.tip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.config.SiteProperties;
import cn.fangfei.content.OfficeContacts;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.Receipts;
import cn.fangfei.tip.RedisContents;
import cn.fangfei.tip.SealedTip;
import cn.fangfei.tip.TipAppTest;
import cn.fangfei.tip.TipIds;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipLists;
import cn.fangfei.tip.TipProperties;
import cn.fangfei.tip.TipReview;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipSubmissions;
import cn.fangfei.tip.TipTexts;
import cn.fangfei.tip.TipWebClient;
import redis.clients.jedis.Jedis;

/** Mail through a real SMTP server in the test JVM (GreenMail). */
class TipMailTest extends TipAppTest {
    @Autowired
    TipMailer mailer;
    @Autowired
    TipSubmissions submissions;
    @Autowired
    TipInput input;
    @Autowired
    TipStore store;
    @Autowired
    TipTexts texts;
    @Autowired
    TipLists lists;
    @Autowired
    TipReview review;
    @Autowired
    TipIds ids;
    @Autowired
    Receipts receipts;
    @Autowired
    OfficeContacts office;
    @Autowired
    SiteProperties site;
    @Autowired
    TipProperties properties;
    @Autowired
    Clock clock;

    @Test
    void aBrokenMailServerNeitherDelaysNorFailsASubmissionAndTheMailGoesOutWhenItIsBack() throws Exception {
        int smtpPort = stopMail();
        try {
            long started = System.nanoTime();
            TipWebClient.Page done = new TipWebClient(baseUrl()).submitTip("养老", "以房养老骗局", "镇上", "");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body()).contains("举报已提交");
            assertThat(millis).as("the submission did not wait for the mail server").isLessThan(2000);
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox().stream().anyMatch(m -> m.contains("\"attempt\":2")));
        } finally {
            restartMail(smtpPort);
        }
        List<MimeMessage> mails = awaitMails(2);
        assertThat(mails.get(0).getSubject()).contains("新举报线索", RedisContents.streamTipIds(redis).get(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox().isEmpty());
    }

    @Test
    void theDailyDigestListsPendingAndOverdueTipsOncePerDay() throws Exception {
        String old = insertCreatedDaysAgo(4);
        String fresh = submit();
        String claimed = submit();
        review.claimNext("anna");

        mailer.queueDigest();
        mailer.queueDigest();

        await().atMost(Duration.ofSeconds(10)).until(() -> !digests().isEmpty());
        MimeMessage digest = digests().get(0);
        assertThat(subject(digest)).contains("待认领2条", "超期1条");
        String text = textOf(digest);
        assertThat(text).contains(fresh, claimed, "超过办理时限(3天)仍未办结 1 条", old + "  养老  核查中  经办人 anna  已4天")
                .doesNotContain("以房养老");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().isEmpty());
        assertThat(digests()).as("one digest for each of the two reviewers, the second call queued none").hasSize(2);
    }

    @Test
    void noticesCarryNoTipTextUnlessConfigured() {
        String id = submit();
        MailTexts withText = new MailTexts(store, texts, lists, office, site, withIncludeText(), clock);
        MailTexts withoutText = new MailTexts(store, texts, lists, office, site, properties, clock);

        assertThat(withText.newTip(id).orElseThrow().body()).contains("情况描述:", "以房养老骗局", "地点:镇上");
        assertThat(withoutText.newTip(id).orElseThrow().body()).doesNotContain("以房养老骗局", "镇上")
                .contains("编号:" + id, "类别:养老", "不含举报内容");
        assertThat(withoutText.newTip("20200101-0000000000")).isEmpty();
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLimit() {
        assertThat(mailer.backoff(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(mailer.backoff(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(mailer.backoff(2)).isEqualTo(Duration.ofMillis(800));
        assertThat(mailer.backoff(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(mailer.backoff(40)).isEqualTo(Duration.ofSeconds(1));
    }

    private TipProperties withIncludeText() {
        TipProperties.Mail mail = properties.mail();
        return new TipProperties(properties.dataDir(), properties.maxTextChars(), properties.maxFiles(),
                properties.maxFileSize(), properties.sla(), properties.retention(), properties.spoolReplayInterval(),
                properties.mailPollInterval(), properties.digestCron(), properties.purgeCron(), properties.rateLimit(), properties.queue(),
                new TipProperties.Mail(mail.reviewers(), mail.escalationTo(), mail.alertTo(), mail.from(), true,
                        mail.maxAttempts(), mail.firstRetry(), mail.maxRetry()));
    }

    /** A tip as if it had come in days ago: straight into the store with an old creation time. */
    private String insertCreatedDaysAgo(int days) {
        String id = ids.next();
        long created = Instant.now(clock).minus(Duration.ofDays(days)).toEpochMilli();
        store.insert(new SealedTip(id, receipts.hash(receipts.newCode()), "养老", Channel.WECHAT, created, texts.keyId(),
                texts.seal(id, TipTexts.WHAT, "旧线索"), texts.seal(id, TipTexts.WHERE, "镇上"), "", List.of(), false), false);
        return id;
    }

    private String submit() {
        return submissions.submit(input.draft("养老", "以房养老骗局", "镇上", "", List.of()), Channel.WEB, Optional.empty(), false)
                .tipId();
    }

    private List<String> outbox() {
        try (Jedis jedis = redis.getResource()) {
            return jedis.zrange(TipKeys.MAIL_OUTBOX, 0, -1);
        }
    }

    private static List<MimeMessage> digests() {
        return List.of(MAIL.getReceivedMessages()).stream().filter(m -> subject(m).contains("每日线索汇总")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
