package cn.fangfei.tip.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.support.MockMvcApp;
import cn.fangfei.support.RedisTestSupport;
import cn.fangfei.tip.Channel;
import cn.fangfei.tip.TipInput;
import cn.fangfei.tip.TipReview;
import cn.fangfei.tip.TipStatus;
import cn.fangfei.tip.TipSubmissions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** The reviewers' pages on the tip feature's services: queues, the decrypted tip (audited), actions, ledger. */
@MockMvcApp
class ConsoleTipsTest {
    static final RequestPostProcessor REVIEWER = user("reviewer1").roles("REVIEWER");
    static final String WHAT = "养老公寓以预订床位为名吸收资金,承诺年息8%";

    @Autowired
    MockMvc mvc;
    @Autowired
    TipSubmissions submissions;
    @Autowired
    TipInput input;
    @Autowired
    TipReview review;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void aReviewerClaimsTheNextTipAndReadsItAndTheReadingIsAudited() throws Exception {
        String id = submit(WHAT);
        mvc.perform(get("/console/tips").with(REVIEWER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)))
                .andExpect(content().string(not(containsString("预订床位"))));

        mvc.perform(post("/console/tips/claim").with(REVIEWER).with(csrf()))
                .andExpect(redirectedUrl("/console/tips/" + id));
        mvc.perform(get("/console/tips/{id}", id).with(REVIEWER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(WHAT)))
                .andExpect(content().string(containsString("镇上")));
        mvc.perform(get("/console/tips").param("queue", "mine").with(REVIEWER))
                .andExpect(content().string(containsString(id)));

        assertThat(audit.day(audit.today(), 5)).extracting(AuditLog.Entry::action, AuditLog.Entry::target)
                .containsExactly(tuple(AuditAction.TIP_VIEWED.name(), id),
                        tuple(AuditAction.TIP_CLAIMED.name(), id));
    }

    @Test
    void editorsNeverSeeATipsText() throws Exception {
        String id = submit(WHAT);
        mvc.perform(get("/console/tips/{id}", id).with(user("editor1").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/tips").with(user("editor1").roles("EDITOR"))).andExpect(status().isForbidden());
        assertThat(audit.day(audit.today(), 5)).extracting(AuditLog.Entry::action)
                .doesNotContain(AuditAction.TIP_VIEWED.name());
        mvc.perform(get("/console/tips/{id}", id).with(user("boss").roles("ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void statusRiskMessageAndEscalationAreRecordedWithTheReviewersName() throws Exception {
        String id = submit(WHAT);
        mvc.perform(post("/console/tips/{id}/status", id).with(REVIEWER).with(csrf()).param("status", "核查中")
                        .param("note", "已联系社区网格员"))
                .andExpect(flash().attribute("notice", "状态已改为“核查中”"));
        mvc.perform(post("/console/tips/{id}/risk", id).with(REVIEWER).with(csrf()).param("risk", "中"))
                .andExpect(flash().attribute("notice", containsString("中")));
        mvc.perform(post("/console/tips/{id}/messages", id).with(REVIEWER).with(csrf())
                        .param("text", "您的线索已转交核查,感谢!"))
                .andExpect(flash().attribute("notice", containsString("留言已发出")));
        mvc.perform(post("/console/tips/{id}/escalate", id).with(REVIEWER).with(csrf()).param("note", "涉及人数多"))
                .andExpect(flash().attribute("notice", containsString("上报")));

        mvc.perform(get("/console/tips/{id}", id).with(REVIEWER))
                .andExpect(content().string(containsString("您的线索已转交核查,感谢!")))
                .andExpect(content().string(containsString("已联系社区网格员")))
                .andExpect(content().string(containsString("上报市处非办")))
                .andExpect(content().string(containsString("reviewer1")));
        assertThat(review.get(id).status()).isEqualTo(TipStatus.CHECKING);
        assertThat(audit.day(audit.today(), 10)).extracting(AuditLog.Entry::action).contains(
                AuditAction.TIP_STATUS.name(), AuditAction.TIP_RISK.name(), AuditAction.TIP_MESSAGED.name(),
                AuditAction.TIP_ESCALATED.name());
    }

    @Test
    void badActionsAreExplainedInChineseAndChangeNothing() throws Exception {
        String id = submit(WHAT);
        mvc.perform(post("/console/tips/{id}/status", id).with(REVIEWER).with(csrf()).param("status", "差不多了"))
                .andExpect(flash().attribute("error", "请选择一个状态"));
        mvc.perform(post("/console/tips/{id}/risk", id).with(REVIEWER).with(csrf()).param("risk", "很高"))
                .andExpect(flash().attribute("error", containsString("高、中、低")));
        mvc.perform(post("/console/tips/{id}/messages", id).with(REVIEWER).with(csrf()).param("text", "  "))
                .andExpect(flash().attribute("error", containsString("不能为空")));
        assertThat(review.get(id).status()).isEqualTo(TipStatus.RECEIVED);
        assertThat(review.get(id).assignee()).isEmpty();

        mvc.perform(post("/console/tips/{id}/status", id).with(REVIEWER).with(csrf()).param("status", "已办结"));
        mvc.perform(post("/console/tips/{id}/status", id).with(REVIEWER).with(csrf()).param("status", "核查中"))
                .andExpect(flash().attribute("error", containsString("已经办结")));
        mvc.perform(get("/console/tips/{id}", "T-no-such").with(REVIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void theMonthlyLedgerDownloadsAsCsvAndIsAudited() throws Exception {
        String id = submit(WHAT);
        review.setStatus(id, TipStatus.DONE, "", "reviewer1");
        YearMonth month = YearMonth.now(clock);
        mvc.perform(get("/console/tips").with(REVIEWER))
                .andExpect(content().string(containsString("/api/tips/ledger/" + month)))
                .andExpect(content().string(containsString("收到 1 条,办结 1 条")));
        String csv = mvc.perform(get("/api/tips/ledger/{month}", month).with(REVIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("养老");
        assertThat(audit.day(audit.today(), 5)).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.LEDGER_DOWNLOADED.name());
            assertThat(entry.target()).isEqualTo(month.toString());
        });
    }

    @Test
    void theDashboardCountsOpenTipsByCategoryStatusAndAge() throws Exception {
        submit(WHAT);
        submit("健身房大量发售年卡后关门");
        mvc.perform(get("/console/dashboard.json").with(user("e").roles("EDITOR")))
                .andExpect(jsonPath("$.tips.byCategory[0].name").value("养老"))
                .andExpect(jsonPath("$.tips.byCategory[0].value").value(2))
                .andExpect(jsonPath("$.tips.byStatus[0].name").value("已受理"))
                .andExpect(jsonPath("$.tips.byAge[0].name").value("3天内"))
                .andExpect(jsonPath("$.tips.byAge[0].value").value(2))
                .andExpect(content().string(not(containsString("预订床位"))));
    }

    private String submit(String what) {
        return submissions.submit(input.draft("养老", what, "镇上", "", List.of()), Channel.WEB, Optional.empty(), false)
                .tipId();
    }
}
