package cn.fangfei.campaign;

import static cn.fangfei.support.CookieCsrf.cookieCsrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.fangfei.campaign.calendar.CalendarFiles;
import cn.fangfei.campaign.calendar.CampaignCalendar;
import cn.fangfei.campaign.calendar.Channel;
import cn.fangfei.campaign.sending.CampaignSender;
import cn.fangfei.campaign.sending.SendProbe;
import cn.fangfei.campaign.sending.SendStatus;
import cn.fangfei.campaign.sending.SendingTest;
import cn.fangfei.campaign.subscription.Subscribers;
import cn.fangfei.wechat.FakeWechatServer;
import cn.fangfei.wechat.InboundMessages;

/**
 * Mass sends wait for the office: a dry run counts recipients per channel, a preview goes to the
 * editor's own WeChat, and the approval names the logged-in editor. (The app here runs as a
 * subscription account with approval required for mass sends, the defaults.)
 */
class ApprovalGateTest extends SendingTest {
    private static final String API = "/api/campaigns/sends/" + CONSUMER_DAY;

    @Autowired
    WebApplicationContext context;

    @TempDir
    Path dir;

    private MockMvc mvc;
    private final TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aMassSendGoesOutOnlyAfterAnEditorPreviewedAndApprovedIt() throws Exception {
        subscribe(3, clock);
        // Subscribed long ago and silent since: no customer-service message can reach them.
        new Subscribers(redis, new TestClock(CONSUMER_DAY_DUE.minusYears(3)), hashes).subscribe("o-silent");
        CampaignSender sender = sender(Settings.subscription().approval(Channel.MASS), clock);

        sender.runDue();
        assertThat(sendLog(clock).read(CONSUMER_DAY).status()).isEqualTo(SendStatus.AWAITING_APPROVAL);
        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).isEmpty();

        mvc.perform(get(API + "/dry-run").with(user("editor1").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("mass"))
                .andExpect(jsonPath("$.approvalRequired").value(true))
                .andExpect(jsonPath("$.recipients.mass").value(4))
                .andExpect(jsonPath("$.recipients.template").value(4))
                .andExpect(jsonPath("$.recipients['customer-service']").value(3))
                .andExpect(jsonPath("$.text").value(Matchers.startsWith("明天(3月15日)是国际消费者权益日")));

        mvc.perform(post(API + "/preview").with(user("editor1").roles("EDITOR")).with(cookieCsrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.problem").value(Matchers.containsString("预览绑定")));
        bindPreviewWechat("editor1", "oEditorPhone");

        mvc.perform(post(API + "/preview").with(user("editor1").roles("EDITOR")).with(cookieCsrf()))
                .andExpect(status().isOk());
        List<String> previews = FakeWechatServer.bodiesSentTo(MASS_PREVIEW);
        assertThat(previews).hasSize(1);
        JSONAssert.assertEquals("{\"touser\":\"oEditorPhone\",\"msgtype\":\"text\",\"text\":{\"content\":\""
                + messages(Settings.subscription().build()).render(calendar.find(CONSUMER_DAY, TestClock.SHANGHAI).orElseThrow())
                        .orElseThrow().text().replace("\n", "\\n") + "\"}}", previews.get(0), JSONCompareMode.STRICT);

        mvc.perform(post(API + "/approve").with(user("editor1").roles("EDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post(API + "/approve").with(user("reviewer1").roles("REVIEWER")).with(cookieCsrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(API + "/approve").with(user("editor1").roles("EDITOR")).with(cookieCsrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("editor1"));

        sender.runDue();

        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).hasSize(1);
        mvc.perform(get(API).with(user("admin1").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("finished"))
                .andExpect(jsonPath("$.approvedBy").value("editor1"))
                .andExpect(jsonPath("$.plannedAt").value("2027-03-14T09:00:00+08:00"))
                .andExpect(jsonPath("$.startedAt").isNotEmpty())
                .andExpect(jsonPath("$.finishedAt").isNotEmpty())
                .andExpect(jsonPath("$.recipients").value(4))
                .andExpect(jsonPath("$.sent").value(1))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.events[*]").value(Matchers.hasItems(
                        Matchers.containsString("等待审批"), Matchers.containsString("预览已发给 editor1 的微信"),
                        Matchers.containsString("审批通过:editor1(群发)"), Matchers.containsString("开始发送:群发"),
                        Matchers.containsString("发送完成"))));
    }

    @Test
    void anApprovalIsForExactlyTheMessageApproved() throws Exception {
        subscribe(2, clock);
        mvc.perform(post(API + "/approve").with(user("editor1").roles("EDITOR")).with(cookieCsrf())).andExpect(status().isOk());
        CampaignCalendar edited = calendarWithNewWording();

        sender(Settings.subscription().approval(Channel.MASS), clock, SendProbe.NONE, edited).runDue();

        assertThat(FakeWechatServer.bodiesSentTo(MASS_SEND)).isEmpty();
        assertThat(sendLog(clock).read(CONSUMER_DAY).status()).isEqualTo(SendStatus.AWAITING_APPROVAL);
    }

    @Test
    void aCancelledReminderIsNotSent() throws Exception {
        subscribe(2, clock);

        mvc.perform(post(API + "/cancel").with(user("editor2").roles("EDITOR")).with(cookieCsrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("cancelled"));
        sender(Settings.service(), clock).runDue();

        assertThat(FakeWechatServer.bodiesSentTo(TEMPLATE_SEND)).isEmpty();
        assertThat(sendLog(clock).events(CONSUMER_DAY)).anySatisfy(e -> assertThat(e).endsWith("已取消:editor2"));
        mvc.perform(post(API + "/approve").with(user("editor2").roles("EDITOR")).with(cookieCsrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void unknownRemindersAndBadBindingCodesAreRefusedPolitely() throws Exception {
        mvc.perform(get("/api/campaigns/sends/no-such.2027-03-15.day+0d").with(user("e").roles("EDITOR")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.problem").value(Matchers.startsWith("日历里没有这条提醒")));
        mvc.perform(post(API + "/approve").with(cookieCsrf())).andExpect(status().isUnauthorized());

        String reply = wechat().postPlain(InboundMessages.text(InboundMessages.newOpenid(), "预览绑定 000000",
                InboundMessages.newMsgId())).fields().get("Content");

        assertThat(reply).isEqualTo(replies.text("campaign-preview-code-invalid"));
    }

    private void bindPreviewWechat(String username, String openid) throws Exception {
        String body = mvc.perform(post("/api/campaigns/preview-binding").with(user(username).roles("EDITOR")).with(cookieCsrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String say = json.readTree(body).path("send").asString();
        assertThat(say).matches("预览绑定 \\d{6}");

        String reply = wechat().postPlain(InboundMessages.text(openid, say, InboundMessages.newMsgId())).fields().get("Content");

        assertThat(reply).isEqualTo(replies.text("campaign-preview-bound"));
        mvc.perform(get("/api/campaigns/preview-binding").with(user(username).roles("EDITOR")))
                .andExpect(jsonPath("$.bound").value(true));
    }

    private CampaignCalendar calendarWithNewWording() {
        CampaignCalendar edited = new CampaignCalendar();
        edited.reload(CalendarFiles.copyOfShipped(dir, text -> text.replace("请多留个心眼", "请多加小心")));
        return edited;
    }
}
