package cn.fangfei.tip;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.fangfei.support.RedisTestSupport;
import cn.fangfei.wechat.FakeWechatServer;
import cn.fangfei.wechat.WechatAppTest;
import cn.fangfei.wechat.WechatClient;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/**
 * The whole app for tip-off tests: a configured WeChat account against {@link FakeWechatServer}, mail
 * through an in-process SMTP server (GreenMail) polled every 200 ms, and a delivery limit of 2 so that
 * dead letters happen within a test. Every subclass shares one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangfei.wechat.app-id=" + WechatAppTest.APP_ID,
        "fangfei.wechat.secret=test-secret",
        "fangfei.wechat.token=" + WechatAppTest.TOKEN,
        "fangfei.wechat.aes-key=" + WechatAppTest.AES_KEY,
        "fangfei.simulator.enabled=false",
        "spring.mail.host=127.0.0.1",
        "fangfei.tip.mail.reviewers=reviewer1@office.test,reviewer2@office.test",
        "fangfei.tip.mail.escalation-to=city@city.test",
        "fangfei.tip.mail.alert-to=head@office.test",
        "fangfei.tip.mail.first-retry=200ms",
        "fangfei.tip.mail.max-retry=1s",
        "fangfei.tip.mail-poll-interval=200ms",
        "fangfei.tip.queue.max-deliveries=2",
        "fangfei.tip.rate-limit.submissions=5",
        "fangfei.tip.rate-limit.failed-lookups=5"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class TipAppTest {
    /** One SMTP server for the JVM, on a free port, so that parallel builds on the machine don't collide. */
    protected static GreenMail MAIL = startMail(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort
    protected int port;

    @Autowired
    protected Pool<Jedis> redis;

    @DynamicPropertySource
    static void outsideServers(DynamicPropertyRegistry registry) {
        registry.add("fangfei.wechat.api-host", FakeWechatServer::baseUrl);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /** Mails a previous test queued are let out first, so that they don't arrive during this one. */
    @BeforeEach
    void cleanSlate() throws Exception {
        FakeWechatServer.reset();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (Jedis jedis = redis.getResource()) {
                return jedis.zcard(TipKeys.MAIL_OUTBOX) == 0;
            }
        });
        RedisTestSupport.flush(redis);
        MAIL.purgeEmailFromAllMailboxes();
    }

    /** Waits for at least {@code count} delivered messages (one per recipient) and returns them all. */
    protected static List<MimeMessage> awaitMails(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length >= count);
        return List.of(MAIL.getReceivedMessages());
    }

    /** A mail's text as the recipient reads it (the raw body is base64 for Chinese). */
    protected static String textOf(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected WechatClient wechat() {
        return new WechatClient("http://127.0.0.1:" + port, WechatAppTest.TOKEN, WechatAppTest.AES_KEY, WechatAppTest.APP_ID);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Takes the mail server down, as a broken office mail server would be. */
    protected static int stopMail() {
        int smtpPort = MAIL.getSmtp().getPort();
        MAIL.stop();
        return smtpPort;
    }

    /** Brings it back on the port the app was configured with. */
    protected static void restartMail(int smtpPort) {
        MAIL = startMail(ServerSetupTest.SMTP.port(smtpPort));
    }

    private static GreenMail startMail(ServerSetup setup) {
        GreenMail mail = new GreenMail(setup);
        mail.start();
        return mail;
    }
}
