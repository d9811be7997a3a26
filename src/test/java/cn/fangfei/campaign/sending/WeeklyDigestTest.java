package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.TestClock;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.PlannedSend;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import redis.clients.jedis.Jedis;

/** The office's Monday email listing the next four weeks, through a real SMTP server (GreenMail). */
class WeeklyDigestTest extends SendingTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Monday 30 November 2026, five past eight. */
    private final TestClock monday = new TestClock(LocalDateTime.of(2026, 11, 30, 8, 5));

    @Test
    void onMondayMorningTheOfficeGetsTheNextFourWeeks() throws Exception {
        WeeklyDigest digest = digest(monday, smtp.getSmtp().getPort(), Settings.subscription().approval(Channel.MASS)
                .digestTo("office@example.gov.cn", "head@example.gov.cn"));

        assertThat(digest.sendIfDue()).isTrue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage email = received[0];
        assertThat(email.getSubject()).isEqualTo("防非宣传提醒:未来四周安排(11月30日起)");
        assertThat(email.getFrom()[0]).hasToString("fangfei@example.gov.cn");
        assertThat(decoded(email)).contains(
                "未来四周(2026-11-30 至 2026-12-27)",
                "■ 宪法宣传周  12月4日 周五,活动期 12月1日至12月7日",
                "对象:全部订阅者",
                "· 12月1日 周二 09:00 开始当天,群发,需要审批,尚未审批")
                .doesNotContain("岁末年初");
    }

    @Test
    void oneInstanceSendsItOncePerWeek() {
        Settings settings = Settings.subscription().digestTo("office@example.gov.cn");

        assertThat(digest(monday, smtp.getSmtp().getPort(), settings).sendIfDue()).isTrue();
        assertThat(digest(monday, smtp.getSmtp().getPort(), settings).sendIfDue()).isFalse();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withoutAConfiguredSenderTheSmtpLoginSendsIt() throws Exception {
        digest(monday, smtp.getSmtp().getPort(), Settings.subscription().digestTo("office@example.gov.cn").digestFrom(""),
                "smtp-login@example.gov.cn").sendIfDue();

        assertThat(smtp.getReceivedMessages()[0].getFrom()[0]).hasToString("smtp-login@example.gov.cn");
    }

    @Test
    void notBeforeItsTimeAndNotWithoutRecipients() {
        TestClock early = new TestClock(LocalDateTime.of(2026, 11, 30, 7, 59));

        assertThat(digest(early, smtp.getSmtp().getPort(), Settings.subscription().digestTo("office@example.gov.cn")).sendIfDue()).isFalse();
        assertThat(digest(monday, smtp.getSmtp().getPort(), Settings.subscription()).sendIfDue()).isFalse();

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void approvalsShowWhoApproved() throws Exception {
        Settings settings = Settings.subscription().approval(Channel.MASS).digestTo("office@example.gov.cn");
        PlannedSend send = calendar.find("constitution-week.2026-12-04.start+0d", TestClock.SHANGHAI).orElseThrow();
        sendLog(monday).approve(send, messages(settings.build()).render(send).orElseThrow(), "editor1");

        digest(monday, smtp.getSmtp().getPort(), settings).sendIfDue();

        assertThat(decoded(smtp.getReceivedMessages()[0])).contains("12月1日 周二 09:00 开始当天,群发,已审批(editor1)");
    }

    @Test
    void aMailServerThatIsDownLeavesTheWeekForTheNextTry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Settings settings = Settings.subscription().digestTo("office@example.gov.cn");

        assertThat(digest(monday, closedPort, settings).sendIfDue()).isFalse();

        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.exists(SendingKeys.digestClaim(monday.instant().atZone(TestClock.SHANGHAI).toLocalDate()))).isFalse();
        }
        assertThat(digest(monday, smtp.getSmtp().getPort(), settings).sendIfDue()).isTrue();
    }

    private WeeklyDigest digest(TestClock clock, int smtpPort, Settings settings) {
        return digest(clock, smtpPort, settings, null);
    }

    private WeeklyDigest digest(TestClock clock, int smtpPort, Settings settings, String smtpUsername) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setUsername(smtpUsername);
        mail.setHost("127.0.0.1");
        mail.setPort(smtpPort);
        mail.setDefaultEncoding("UTF-8");
        CampaignProperties properties = settings.build();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", mail));
        return new WeeklyDigest(calendar, sendLog(clock), messages(properties), properties,
                beans.getBeanProvider(JavaMailSender.class), redis, clock);
    }

    private static String decoded(MimeMessage email) throws IOException, MessagingException {
        return (String) email.getContent();
    }
}
