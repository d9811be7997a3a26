package cn.fangfei.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.fangfei.campaign.subscription.Subscribers;
import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.support.MockMvcApp;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** The campaign pages on the campaign feature's services: calendar with lunar dates, dry run, preview, approval, log. */
@MockMvcApp
class ConsoleCampaignsTest {
    static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    CampaignOverview overview;
    @Autowired
    Subscribers subscribers;
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
    void theCalendarShowsTwelveMonthsWithLunarFestivalsOnTheirGregorianDates() throws Exception {
        var occurrences = overview.nextTwelveMonths(LocalDate.now(clock));
        var lunar = occurrences.stream().filter(o -> o.lunar() != null).findFirst().orElseThrow();
        mvc.perform(get("/console/campaigns").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(lunar.title())))
                .andExpect(content().string(containsString(lunar.lunar())))
                .andExpect(content().string(containsString(lunar.date().toString())))
                .andExpect(content().string(containsString(occurrences.get(occurrences.size() - 1).title())))
                .andExpect(content().string(containsString("获取绑定码")));
        mvc.perform(get("/console/campaigns").with(user("r").roles("REVIEWER"))).andExpect(status().isForbidden());
    }

    @Test
    void aDryRunCountsWhoWouldGetItWithoutSendingAndIsAudited() throws Exception {
        String send = firstSend();
        subscribers.subscribe("o-sub-1");
        subscribers.subscribe("o-sub-2");
        mvc.perform(get("/console/campaigns/sends/{id}/dry-run", send).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dry-run-result\"")))
                .andExpect(content().string(containsString("<td>群发</td>")))
                .andExpect(content().string(containsString(">2</td>")));
        assertThat(audit.day(audit.today(), 5)).first().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CAMPAIGN_DRY_RUN.name());
            assertThat(entry.target()).isEqualTo(send);
        });
    }

    @Test
    void aPreviewNeedsTheEditorsOwnWechatFirst() throws Exception {
        String send = firstSend();
        mvc.perform(post("/console/campaigns/sends/{id}/preview", send).with(EDITOR).with(csrf()))
                .andExpect(redirectedUrl("/console/campaigns/sends/" + send))
                .andExpect(flash().attribute("error", containsString("还没有绑定预览用的微信")));
        mvc.perform(post("/console/campaigns/preview-binding").with(EDITOR).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("预览绑定 ")));
        assertThat(audit.day(audit.today(), 5)).extracting(AuditLog.Entry::action)
                .containsExactly(AuditAction.CAMPAIGN_PREVIEW_BINDING.name());
    }

    @Test
    void anApprovalNamesTheEditorAndShowsInTheSendLog() throws Exception {
        String send = firstSend();
        mvc.perform(post("/console/campaigns/sends/{id}/approve", send).with(EDITOR)).andExpect(status().isForbidden());
        mvc.perform(post("/console/campaigns/sends/{id}/approve", send).with(EDITOR).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("已批准")));
        mvc.perform(get("/console/campaigns/sends/{id}", send).with(EDITOR))
                .andExpect(content().string(containsString("已由 editor1 批准")));
        assertThat(audit.day(audit.today(), 5)).first().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("editor1");
            assertThat(entry.action()).isEqualTo(AuditAction.CAMPAIGN_APPROVED.name());
        });
        mvc.perform(get("/console/campaigns/sends").with(EDITOR)).andExpect(status().isOk());
        mvc.perform(get("/console/campaigns/sends/{id}", "no-such.2027-01-01.day+0d").with(EDITOR))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("页面不存在")));
    }

    @Test
    void theDashboardDrawsSubscribersOverTime() throws Exception {
        subscribers.subscribe("o-sub-1");
        try (Jedis jedis = redis.getResource()) {
            jedis.hset("ff:console:subscribers:by-day", LocalDate.now(clock).minusDays(1).toString(), "7");
        }
        mvc.perform(get("/console/dashboard.json").with(EDITOR))
                .andExpect(jsonPath("$.subscribers.counts[89]").value(1))
                .andExpect(jsonPath("$.subscribers.counts[88]").value(7))
                .andExpect(jsonPath("$.subscribers.counts[0]").doesNotExist());
    }

    /** The first planned send that has a channel, so it can be approved. */
    private String firstSend() {
        return overview.nextTwelveMonths(LocalDate.now(clock)).stream()
                .flatMap(o -> o.reminders().stream())
                .filter(r -> r.channel() != null && r.status().equals("planned"))
                .findFirst().orElseThrow().send();
    }
}
