package cn.fangfei.campaign;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.fangfei.campaign.sending.SendingTest;

/** The twelve-month listing, as the console reads it. */
class CampaignApiTest extends SendingTest {
    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void listsEveryOccurrenceOfTwelveMonthsWithDatesAndReminderTimes() throws Exception {
        mvc.perform(get("/api/campaigns/occurrences").param("from", "2026-11-28").with(user("e").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-11-28"))
                .andExpect(jsonPath("$.to").value("2027-11-27"))
                .andExpect(jsonPath("$.occurrences[0].campaign").value("constitution-week"))
                .andExpect(jsonPath("$.occurrences[0].date").value("2026-12-04"))
                .andExpect(jsonPath("$.occurrences[0].start").value("2026-12-01"))
                .andExpect(jsonPath("$.occurrences[0].end").value("2026-12-07"))
                .andExpect(jsonPath("$.occurrences[0].reminders[0].send").value("constitution-week.2026-12-04.start+0d"))
                .andExpect(jsonPath("$.occurrences[0].reminders[0].at").value("2026-12-01T09:00:00+08:00"))
                .andExpect(jsonPath("$.occurrences[0].reminders[0].when").value("开始当天"))
                .andExpect(jsonPath("$.occurrences[0].reminders[0].channel").value("mass"))
                .andExpect(jsonPath("$.occurrences[0].reminders[0].approvalRequired").value(true))
                .andExpect(jsonPath("$.occurrences[0].reminders[0].status").value("planned"))
                .andExpect(jsonPath("$.occurrences[1].campaign").value("spring-festival"))
                .andExpect(jsonPath("$.occurrences[1].date").value("2027-02-06"))
                .andExpect(jsonPath("$.occurrences[1].lunar").value("农历正月初一"))
                .andExpect(jsonPath("$.occurrences[1].reminders[*].at").value(Matchers.contains(
                        "2027-01-17T09:00:00+08:00", "2027-02-03T09:00:00+08:00")))
                .andExpect(jsonPath("$.occurrences[?(@.campaign == 'elderly-month')].start").value(Matchers.contains("2027-10-01")))
                .andExpect(jsonPath("$.occurrences[?(@.campaign == 'elderly-month')].end").value(Matchers.contains("2027-10-31")))
                .andExpect(jsonPath("$.occurrences[?(@.campaign == 'double-ninth')].lunar").value(Matchers.contains("农历九月初九")))
                .andExpect(jsonPath("$.occurrences[?(@.campaign == 'double-ninth')].audience").value(Matchers.contains("老年人")))
                .andExpect(jsonPath("$.occurrences[*].reminders[*].warnings[*]").isEmpty())
                .andExpect(jsonPath("$.occurrences.length()").value(12));
    }

    @Test
    void theHistoryListsEverySendLogOfAPeriod() throws Exception {
        TestClock clock = new TestClock(CONSUMER_DAY_DUE.plusSeconds(30));
        subscribe(2, clock);
        sender(Settings.service(), clock).runDue();

        mvc.perform(get("/api/campaigns/sends").param("from", "2027-03-01").param("to", "2027-03-31")
                        .with(user("e").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sends.length()").value(1))
                .andExpect(jsonPath("$.sends[0].send").value(CONSUMER_DAY))
                .andExpect(jsonPath("$.sends[0].title").value("3·15 国际消费者权益日"))
                .andExpect(jsonPath("$.sends[0].plannedAt").value("2027-03-14T09:00:00+08:00"))
                .andExpect(jsonPath("$.sends[0].status").value("finished"))
                .andExpect(jsonPath("$.sends[0].channel").value("template"))
                .andExpect(jsonPath("$.sends[0].sent").value(2));
        mvc.perform(get("/api/campaigns/sends").param("from", "2027-04-01").param("to", "2027-04-30")
                        .with(user("e").roles("EDITOR")))
                .andExpect(jsonPath("$.sends").isEmpty());
    }

    @Test
    void customerServiceRemindersNeedNoApprovalAndBadDatesAreRefused() throws Exception {
        mvc.perform(get("/api/campaigns/occurrences").param("from", "2027-06-01").with(user("e").roles("EDITOR")))
                .andExpect(jsonPath("$.occurrences[?(@.campaign == 'campaign-month')].reminders[2].channel")
                        .value(Matchers.contains("customer-service")))
                .andExpect(jsonPath("$.occurrences[?(@.campaign == 'campaign-month')].reminders[2].approvalRequired")
                        .value(Matchers.contains(false)));
        mvc.perform(get("/api/campaigns/occurrences").param("from", "明天").with(user("e").roles("EDITOR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problem").value("from 应写成 YYYY-MM-DD"));
        mvc.perform(get("/api/campaigns/occurrences")).andExpect(status().isUnauthorized());
    }
}
