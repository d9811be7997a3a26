package cn.fangfei.faq.console;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.fangfei.console.AuditAction;
import cn.fangfei.console.AuditLog;
import cn.fangfei.faq.Answer;
import cn.fangfei.faq.AnswerEngine;
import cn.fangfei.faq.FaqOverlay;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.faq.UnansweredLog;
import cn.fangfei.support.MockMvcApp;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** The editors' pages: unanswered questions into topics, new topics, the try-a-question box, the dashboard's numbers. */
@MockMvcApp
class ConsoleEditorTest {
    static final String QUESTION = "磁疗床垫包治百病";
    static final RequestPostProcessor EDITOR = user("editor1").roles("EDITOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    ResidentQuestions residents;
    @Autowired
    UnansweredLog unanswered;
    @Autowired
    AnswerEngine engine;
    @Autowired
    AuditLog audit;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void emptyRedisAndOverlay() {
        RedisTestSupport.flush(redis);
        engine.apply(FaqOverlay.EMPTY);
    }

    @Test
    void anUnansweredQuestionShowsWhatTheEngineAnswersNowAndOneClickAddsIt() throws Exception {
        residents.reply("o-1", QUESTION);
        residents.reply("o-2", QUESTION);
        mvc.perform(get("/console/questions").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(QUESTION)))
                .andExpect(content().string(containsString("兜底")));

        mvc.perform(post("/console/questions/add").with(EDITOR).with(csrf())
                        .param("question", QUESTION).param("topic", "health-products"))
                .andExpect(redirectedUrl("/console/questions"))
                .andExpect(flash().attribute("notice", containsString("现在回答:“" + engine.topic("health-products")
                        .orElseThrow().title() + "”")));

        assertThat(engine.ask(QUESTION).topic().id()).isEqualTo("health-products");
        assertThat(unanswered.top(10)).isEmpty();
        assertThat(audit.day(audit.today(), 5)).first().satisfies(entry -> {
            assertThat(entry.who()).isEqualTo("editor1");
            assertThat(entry.action()).isEqualTo(AuditAction.QUESTION_ADDED_TO_TOPIC.name());
            assertThat(entry.target()).isEqualTo("health-products");
            assertThat(entry.detail()).isEqualTo(QUESTION);
        });
        mvc.perform(get("/console/answers/health-products").with(EDITOR))
                .andExpect(content().string(containsString(QUESTION)))
                .andExpect(content().string(containsString("后台新增")));
    }

    @Test
    void aDeclinedQuestionHasNoTopicPreselected() throws Exception {
        residents.reply("o-1", QUESTION);
        assertThat(engine.ask(QUESTION).outcome()).isEqualTo(Answer.Outcome.FALLBACK);

        String page = mvc.perform(get("/console/questions").with(EDITOR)).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("<option value=\"\" disabled selected=\"selected\">选择话题…</option>");
        assertThat(page.split("selected=\"selected\"", -1)).as("only the placeholder is selected").hasSize(2);
    }

    @Test
    void aWrongChoiceIsExplainedAndChangesNothing() throws Exception {
        residents.reply("o-1", QUESTION);
        mvc.perform(post("/console/questions/add").with(EDITOR).with(csrf())
                        .param("question", QUESTION).param("topic", "no-such-topic"))
                .andExpect(flash().attribute("error", "请选择一个已有的话题"));
        assertThat(unanswered.top(10)).hasSize(1);
        assertThat(engine.overlay().isEmpty()).isTrue();
    }

    @Test
    void aNewTopicFormListsEveryProblemAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/console/questions/new-topic").with(EDITOR).with(csrf())
                        .param("question", QUESTION).param("id", "Bad Id").param("title", "会员费理疗仪")
                        .param("answer", "").param("phrasings", QUESTION))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("话题编号只能用小写英文字母")))
                .andExpect(content().string(containsString("请填写回答")))
                .andExpect(content().string(containsString("至少需要3种问法")))
                .andExpect(content().string(containsString("value=\"会员费理疗仪\"")))
                .andExpect(content().string(not(containsString("Exception"))));
        assertThat(engine.topic("bad-id")).isEmpty();

        mvc.perform(post("/console/questions/new-topic").with(EDITOR).with(csrf())
                        .param("question", QUESTION).param("id", "therapy-devices").param("title", "理疗仪会员费")
                        .param("answer", "交会员费买理疗仪、承诺返利的,要警惕。")
                        .param("phrasings", QUESTION + "\n理疗仪会员返利\n买理疗仪送分红"))
                .andExpect(redirectedUrl("/console/answers/therapy-devices"));
        assertThat(engine.ask(QUESTION).topic().id()).isEqualTo("therapy-devices");
        assertThat(audit.day(audit.today(), 5)).first().extracting(AuditLog.Entry::action)
                .isEqualTo(AuditAction.TOPIC_CREATED.name());
    }

    @Test
    void tryingAQuestionShowsTheReplyAndTheRankingWithScores() throws Exception {
        mvc.perform(get("/console/answers").with(EDITOR).param("q", "怎么举报非法集资"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"try-result\"")))
                .andExpect(content().string(containsString(engine.topic("how-to-report").orElseThrow().title())))
                .andExpect(content().string(containsString("class=\"num score\"")))
                .andExpect(content().string(containsString("排名(前 10)")));
        mvc.perform(get("/console/answers").with(EDITOR).param("q", "   "))
                .andExpect(content().string(containsString("请输入要试问的问题")));
        mvc.perform(get("/console/answers").with(EDITOR).param("q", "问".repeat(501)))
                .andExpect(content().string(containsString("问题太长")));
        mvc.perform(get("/console/answers/no-such-topic").with(EDITOR))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")));
    }

    @Test
    void theDashboardCountsQuestionsPerDayAndTopTopics() throws Exception {
        residents.reply("o-1", "怎么举报非法集资");
        residents.reply("o-2", "怎么举报非法集资");
        residents.reply("o-3", QUESTION);
        mvc.perform(get("/console/dashboard.json").with(user("r").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days[29]").value("今天"))
                .andExpect(jsonPath("$.days[28]").value(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).format(DateTimeFormatter.ofPattern("MM-dd"))))
                .andExpect(jsonPath("$.subscribers.days[89]").value("今天"))
                .andExpect(jsonPath("$.asked[29]").value(3))
                .andExpect(jsonPath("$.fallbackRate[29]").value(33.3))
                .andExpect(jsonPath("$.topTopics[0].name").value(engine.topic("how-to-report").orElseThrow().title()))
                .andExpect(jsonPath("$.topTopics[0].value").value(2));
        mvc.perform(get("/console").with(user("r").roles("REVIEWER")))
                .andExpect(content().string(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js")));
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
    }
}
