package cn.fangfei.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.support.MockMvcApp;
import cn.fangfei.support.RedisTestSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

@MockMvcApp
class ResidentQuestionsTest {
    @Autowired
    ResidentQuestions questions;
    @Autowired
    AnswerEngine engine;
    @Autowired
    Replies replies;
    @Autowired
    UnansweredLog unanswered;
    @Autowired
    Pool<Jedis> redis;

    @BeforeEach
    void emptyRedis() {
        RedisTestSupport.flush(redis);
    }

    @Test
    void answersWithTheTopicAndItsLegalBasis() {
        String reply = questions.reply("o-1", "参与非法集资的损失谁来承担");
        FaqEntry entry = engine.topic("participant-losses").orElseThrow();
        assertThat(reply).contains(entry.answer().substring(0, 20)).contains("依据").contains(entry.legalBasis().get(0));
    }

    @Test
    void aNumberPicksFromTheSuggestionsOfferedToThatResident() {
        String question = findSuggestingQuestion();
        List<ScoredTopic> offered = engine.ask(question).suggestions();
        String reply = questions.reply("o-2", question);
        assertThat(reply).startsWith(replies.text("suggest-intro")).contains("1. " + offered.get(0).entry().title());

        assertThat(questions.reply("o-3", "2")).isEqualTo(replies.text("pick-expired"));
        assertThat(questions.reply("o-2", "2")).isEqualTo(questions.answerOf(offered.get(1).entry().id()));
        assertThat(questions.reply("o-2", "2")).as("an offer is used once").isEqualTo(replies.text("pick-expired"));
    }

    @Test
    void fallbackIsLoggedWithCountAndWithoutTheResident() {
        questions.reply("secret-openid", "驾驶证到期了去哪里换");
        questions.reply("other-openid", "驾驶证到期了去哪里换");
        assertThat(unanswered.top(10)).singleElement().satisfies(entry -> {
            assertThat(entry.question()).isEqualTo("驾驶证到期了去哪里换");
            assertThat(entry.count()).isEqualTo(2);
            assertThat(entry.lastAskedMillis()).isPositive();
        });
        try (Jedis jedis = redis.getResource()) {
            for (String key : jedis.keys("*")) {
                assertThat(key).doesNotContain("openid");
                assertThat(jedis.type(key).equals("zset") ? jedis.zrange(key, 0, -1).toString() : jedis.hgetAll(key).toString())
                        .doesNotContain("openid");
            }
        }
    }

    @Test
    void greetingsAndThanksGetAPoliteReply() {
        assertThat(questions.reply("o-4", "你好")).isEqualTo(replies.text("greeting"));
        assertThat(questions.reply("o-4", "谢谢！")).isEqualTo(replies.text("thanks"));
        assertThat(questions.reply("o-4", "   ")).isEqualTo(replies.text("empty-text"));
    }

    @Test
    void officeContactsComeFromConfiguration() {
        String reply = questions.reply("o-5", "处非办的电话和地址");
        assertThat(reply).doesNotContain("{office.").contains("镇处非办");
    }

    /** A short, vague question the engine neither answers nor rejects; found, not hard-coded, so content edits don't break the test. */
    private String findSuggestingQuestion() {
        for (String candidate : List.of("举报", "钱", "投资", "老人", "理财", "集资", "宣传", "处罚")) {
            if (engine.ask(candidate).outcome() == Answer.Outcome.SUGGEST) {
                return candidate;
            }
        }
        throw new AssertionError("no vague question produced suggestions");
    }
}
