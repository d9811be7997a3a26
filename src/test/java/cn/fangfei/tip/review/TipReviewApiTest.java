package cn.fangfei.tip.review;

import static cn.fangfei.support.CookieCsrf.cookieCsrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.tip.AttachmentCleaner;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.HistoryEntry;
import cn.fangfei.tip.Ledger;
import cn.fangfei.tip.TestImages;
import cn.fangfei.tip.TipAppTest;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipKeys;
import cn.fangfei.tip.TipStore;
import cn.fangfei.tip.TipSubmissions;
import redis.clients.jedis.Jedis;

/** The reviewers' API with MockMvc, logged in as staff with their roles. */
class TipReviewApiTest extends TipAppTest {
    static final RequestPostProcessor REVIEWER = user("reviewer1").roles("REVIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    TipSubmissions submissions;
    @Autowired
    TipInput input;
    @Autowired
    AttachmentCleaner cleaner;
    @Autowired
    TipStore store;
    @Autowired
    Ledger ledger;
    @Autowired
    Clock clock;
    @Autowired
    AuditLog audit;

    @Test
    void aReviewerClaimsAssessesEscalatesMessagesAndCloses() throws Exception {
        String first = submit("养老", "养老公寓以预订床位为名吸收资金,承诺年息8%");
        String second = submit("预付卡", "健身房大量发售年卡后关门");

        mvc.perform(post("/api/tips/claim").with(REVIEWER).with(cookieCsrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.id").value(first))
                .andExpect(jsonPath("$.summary.status").value("核查中"))
                .andExpect(jsonPath("$.summary.assignee").value("reviewer1"))
                .andExpect(jsonPath("$.what").value("养老公寓以预订床位为名吸收资金,承诺年息8%"));
        mvc.perform(get("/api/tips/mine").with(REVIEWER))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(first));
        mvc.perform(get("/api/tips/pending").with(REVIEWER))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(second))
                .andExpect(jsonPath("$[0].risk").value("未评估"));

        mvc.perform(post("/api/tips/" + first + "/risk").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"risk\":\"高\",\"note\":\"涉及老人数十名,疑似非法吸收公众存款\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.risk").value("高"))
                .andExpect(jsonPath("$.escalated").value(true));
        MimeMessage escalation = awaitMailTo("city@city.test");
        assertThat(escalation.getSubject()).contains("高风险涉非线索上报", first);
        assertThat(textOf(escalation)).contains("经办人:reviewer1", "涉及老人数十名", "风险等级:高")
                .doesNotContain("预订床位");

        mvc.perform(post("/api/tips/" + first + "/messages").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"您的线索已转交核查,感谢!\",\"question\":false,\"by\":\"mallory\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tips/" + first + "/status").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"已移交公安\",\"note\":\"已移交镇派出所立案\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("已移交公安"))
                .andExpect(jsonPath("$.closed").isNotEmpty());

        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.xpending(TipKeys.STREAM, TipKeys.GROUP).getTotal()).isZero();
            assertThat(jedis.zscore(TipKeys.CLOSED, first)).isNotNull();
            assertThat(jedis.zscore(TipKeys.OPEN, first)).isNull();
        }
        assertThat(store.history(first)).extracting(HistoryEntry::by).containsOnly("举报人", "reviewer1", "系统");
        assertThat(store.history(first)).extracting(HistoryEntry::action).containsExactly("提交举报(网页)", "认领",
                "风险等级:高(附备注)", "高风险,已发邮件上报市处非办", "给举报人留言", "状态:核查中 → 已移交公安(附备注)");
        assertThat(store.messages(first)).extracting(m -> m.kind() + "/" + m.by())
                .containsExactly("note/reviewer1", "message/reviewer1", "note/reviewer1");
        Map<String, Long> month = ledger.counters(YearMonth.now(clock));
        assertThat(month).containsEntry("received", 2L).containsEntry("received:category:养老", 1L)
                .containsEntry("closed", 1L).containsEntry("closed:status:已移交公安", 1L).containsEntry("closed:risk:高", 1L)
                .containsEntry("closed:days:3天内", 1L).containsEntry("escalated", 1L);

        mvc.perform(post("/api/tips/" + first + "/status").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"已办结\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("这条线索已经办结,不能再修改状态、风险等级或提问"));
    }

    @Test
    void theMonthlyLedgerExportsAsCsvThatExcelReads() throws Exception {
        submit("养老", "一");
        submit("养老", "二");
        String third = submit("网络借贷", "三");
        mvc.perform(post("/api/tips/" + third + "/status").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"不予受理\"}")).andExpect(status().isOk());

        byte[] csv = mvc.perform(get("/api/tips/ledger/" + YearMonth.now(clock)).with(REVIEWER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ledger-" + YearMonth.now(clock) + ".csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF台账月份," + YearMonth.now(clock));
        assertThat(text.lines()).contains("受理线索,合计,3", "受理线索,类别:养老,2", "受理线索,类别:网络借贷,1",
                "受理线索,类别:私募基金,0", "受理线索,来源:网页,3", "办结线索,合计,1", "办结线索,结论:不予受理,1",
                "办结线索,风险等级:未评估,1", "办结线索,办理用时:3天内,1", "办结线索,平均办理天数,0.0",
                "导出时在办,合计,2", "导出时在办,状态:已受理,2");
        mvc.perform(get("/api/tips/ledger/2025-13").with(REVIEWER))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("月份格式应为 2025-06"));
    }

    @Test
    void attachmentsDownloadAsFilesAndNeverInline() throws Exception {
        String id = submitWithImage();

        byte[] image = mvc.perform(get("/api/tips/" + id + "/files/0").with(REVIEWER))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + id + "-1.jpg\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(TestImages.decode(image).getWidth()).isEqualTo(30);
        mvc.perform(get("/api/tips/" + id + "/files/1").with(REVIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void mistakesGetAChineseMessageAndOnlyReviewersGetIn() throws Exception {
        String id = submit("养老", "一");

        mvc.perform(post("/api/tips/" + id + "/status").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"结案\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("状态只能是:已受理、核查中、需补充材料、已移交公安、已办结、不予受理"));
        mvc.perform(post("/api/tips/" + id + "/risk").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").exists());
        mvc.perform(post("/api/tips/" + id + "/messages").with(REVIEWER).with(cookieCsrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("内容不能为空,请再发一次。"));
        mvc.perform(get("/api/tips/20250101-0000000000").with(REVIEWER))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value("没有编号为 20250101-0000000000 的线索"));
        mvc.perform(get("/api/tips/" + id).with(user("editor").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/tips/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tips/" + id).with(user("boss").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(post("/api/tips/claim").with(user("r2").roles("REVIEWER")).with(cookieCsrf())).andExpect(status().isOk());
        mvc.perform(post("/api/tips/claim").with(user("r2").roles("REVIEWER")).with(cookieCsrf())).andExpect(status().isNoContent());
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).isPresent());
        return mailTo(address).orElseThrow();
    }

    private Optional<MimeMessage> mailTo(String address) throws Exception {
        for (MimeMessage message : MAIL.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1))) {
            return Optional.of(message);
        }
        return Optional.empty();
    }

    @Test
    void everyReadOfADecryptedTipIsAuditedUnderItsOwnIdBeforeTheAnswer() throws Exception {
        String id = submitWithImage();
        mvc.perform(post("/api/tips/claim").with(REVIEWER).with(cookieCsrf())).andExpect(status().isOk());
        String escaped = id.replace("-", "%2D");
        mvc.perform(get(URI.create("/api/tips/" + escaped)).with(REVIEWER)).andExpect(status().isOk());
        mvc.perform(get(URI.create("/api/tips/" + escaped + "/files/0")).with(REVIEWER)).andExpect(status().isOk());
        mvc.perform(get("/api/tips/" + id + "/files/-1").with(REVIEWER)).andExpect(status().isBadRequest());

        assertThat(audit.day(audit.today(), 10)).extracting(AuditLog.Entry::action, AuditLog.Entry::target)
                .containsExactly(tuple(AuditAction.TIP_ATTACHMENT_VIEWED.name(), id),
                        tuple(AuditAction.TIP_VIEWED.name(), id),
                        tuple(AuditAction.API_CALL.name(), "POST /api/tips/claim"),
                        tuple(AuditAction.TIP_CLAIMED.name(), id));
    }

    private String submit(String category, String what) {
        return submissions.submit(input.draft(category, what, "镇上", "", List.of()), Channel.WEB, Optional.empty(), false).tipId();
    }

    private String submitWithImage() {
        return submissions.submit(input.draft("其他", "见图", "镇上", "", List.of(cleaner.clean(TestImages.jpegWithExif(30, 20, 1)))),
                Channel.WEB, Optional.empty(), false).tipId();
    }
}
