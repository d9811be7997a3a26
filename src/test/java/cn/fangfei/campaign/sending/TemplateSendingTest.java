package cn.fangfei.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import cn.fangfei.campaign.Settings;
import cn.fangfei.campaign.TestClock;
import cn.fangfei.campaign.calendar.CalendarFiles;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.calendar.PlannedSend;
import cn.fangfei.wechat.FakeWechatServer;

/** A due reminder on a service account goes out as one template message per subscriber. */
class TemplateSendingTest extends SendingTest {
    @TempDir
    Path dir;

    @Test
    void everySubscriberGetsExactlyTheTemplateMessageOnce() throws Exception {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(12, clock);

        List<String> handled = sender(Settings.service(), clock).runDue();

        assertThat(handled).containsExactly(CONSUMER_DAY);
        assertEachOnce(TEMPLATE_SEND, openids);
        String clientMsgId = CampaignWechat.clientMsgId(CONSUMER_DAY, "template");
        String first = FakeWechatServer.bodiesSentTo(TEMPLATE_SEND).stream()
                .filter(body -> touser(body).equals("o-3")).findFirst().orElseThrow();
        JSONAssert.assertEquals("""
                {"touser":"o-3","template_id":"TPL_REMINDER","client_msg_id":"%s",
                 "url":"http://localhost:8080/faq/prepaid-cards",
                 "data":{"thing1":{"value":"3·15 国际消费者权益日"},"thing2":{"value":"3月15日"},
                         "thing3":{"value":"警惕以消费返利为名的集资陷阱"}}}""".formatted(clientMsgId),
                first, JSONCompareMode.STRICT);

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.FINISHED);
        assertThat(record.channel()).isEqualTo("template");
        assertThat(record.recipients()).isEqualTo(12);
        assertThat(record.sent()).isEqualTo(12);
        assertThat(record.failed()).isZero();
        assertThat(record.startedAt()).isEqualTo(clock.instant());
        assertThat(record.finishedAt()).isEqualTo(clock.instant());
        assertThat(sendLog(clock).events(CONSUMER_DAY)).hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("开始发送:模板消息,共 12 人"))
                .anySatisfy(e -> assertThat(e).contains("发送完成:成功 12,失败 0,未确认 0"));
    }

    @Test
    void aFinishedSendIsNeverSentAgain() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(5, clock);
        CampaignSender sender = sender(Settings.service(), clock);
        sender.runDue();
        clock.advance(Duration.ofMinutes(30));

        sender.runDue();
        sender(Settings.service(), clock).runDue();

        assertEachOnce(TEMPLATE_SEND, openids);
    }

    @Test
    void nothingIsSentBeforeItsTimeOrToTheWrongAudience() {
        TestClock clock = new TestClock(LocalDateTime.of(2027, 10, 1, 8, 59));
        List<String> elderly = subscribe(3, clock, "elderly");
        subscribe(4, clock);
        subscribe(2, clock, "students");
        CampaignSender sender = sender(Settings.service(), clock);

        sender.runDue();
        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        sender.runDue();

        assertEachOnce(TEMPLATE_SEND, elderly);
        assertThat(sendLog(clock).read("elderly-month.2027-10-01.start+0d").sent()).isEqualTo(3);
    }

    @Test
    void aReminderNotSentWithinItsWindowExpiresInsteadOfGoingOutLate() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusHours(25));
        subscribe(3, clock);

        sender(Settings.service(), clock).runDue();

        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).isEmpty();
        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.EXPIRED);
        assertThat(record.stopReason()).contains("到期时未能发送");
    }

    @Test
    void withoutAnyUsableChannelTheSendStopsAndAnEditorCanResumeItOnceFixed() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        List<String> openids = subscribe(3, clock);
        CampaignCalendar templateOnly = new CampaignCalendar();
        templateOnly.reload(CalendarFiles.copyOfShipped(dir, text -> text.replace(
                "channels: [template, mass]\n    message:\n      text: 明天({date})是国际消费者权益日",
                "channels: [template]\n    message:\n      text: 明天({date})是国际消费者权益日")));

        sender(Settings.service().noTemplate(), clock, SendProbe.NONE, templateOnly).runDue();

        SendRecord stopped = sendLog(clock).read(CONSUMER_DAY);
        assertThat(stopped.status()).isEqualTo(SendStatus.STOPPED);
        assertThat(stopped.stopReason()).isEqualTo("渠道 模板消息 在当前公众号(服务号,未配置模板 id)都不能用");

        PlannedSend send = templateOnly.find(CONSUMER_DAY, TestClock.SHANGHAI).orElseThrow();
        sendLog(clock).resumeStopped(send, "admin1");
        sender(Settings.service(), clock, SendProbe.NONE, templateOnly).runDue();

        assertEachOnce(TEMPLATE_SEND, openids);
        assertThat(sendLog(clock).read(CONSUMER_DAY).status()).isEqualTo(SendStatus.FINISHED);
    }

    @Test
    void withoutATemplateIdTheNextChannelInTheListIsUsed() {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        subscribe(3, clock);

        sender(Settings.service().noTemplate().approval(Channel.MASS), clock).runDue();

        SendRecord record = sendLog(clock).read(CONSUMER_DAY);
        assertThat(record.status()).isEqualTo(SendStatus.AWAITING_APPROVAL);
        assertThat(record.channel()).isEqualTo("mass");
        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).isEmpty();
        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).isEmpty();
    }
}
