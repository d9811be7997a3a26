package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.faq.ResidentQuestions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;

/** "在哪举报" right after an answer, through the signed callback as WeChat sends it. */
class FollowUpQuestionTest extends WechatAppTest {
    private static final String FIRST = "我妈买了养老公寓的床位 每月返利 现在老板跑了";
    private static final String FOLLOW_UP = "在哪举报";

    @Autowired
    ResidentQuestions questions;
    @Autowired
    Pool<Jedis> redis;

    @Test
    void aFollowUpIsAnsweredInTheContextOfTheTopicJustAnswered() {
        String openid = InboundMessages.newOpenid();
        assertThat(send(openid, FIRST)).isEqualTo(questions.answerOf("pension-scams"));

        assertThat(send(openid, FOLLOW_UP)).isEqualTo(questions.answerOf("how-to-report"));
    }

    @Test
    void theSameWordsWithoutAPreviousAnswerOnlyOfferAChoice() {
        String openid = InboundMessages.newOpenid();
        String alone = send(openid, FOLLOW_UP);

        assertThat(alone).startsWith("您是不是想问").doesNotContain(questions.answerOf("how-to-report"));
        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.keys("*" + openid + "*")).as("the offered choice is keyed by the hash too").isEmpty();
            assertThat(jedis.keys("ff:faq:pick:*")).allMatch(key -> key.matches("ff:faq:pick:[0-9a-f]{64}")).isNotEmpty();
        }
    }

    @Test
    void aNewQuestionForAnotherOfficeIsNotReadAsAFollowUp() {
        String openid = InboundMessages.newOpenid();
        send(openid, FIRST);

        assertThat(send(openid, "驾驶证到期了去哪换")).isEqualTo(send(InboundMessages.newOpenid(), "驾驶证到期了去哪换"));
    }

    @Test
    void theTopicIsRememberedUnderAKeyedHashNeverTheOpenid() {
        String openid = InboundMessages.newOpenid();
        send(openid, FIRST);

        try (Jedis jedis = redis.getResource()) {
            assertThat(jedis.keys("*" + openid + "*")).isEmpty();
            assertThat(jedis.keys("ff:faq:last:*")).anySatisfy(key -> {
                assertThat(key).matches("ff:faq:last:[0-9a-f]{64}");
                assertThat(jedis.get(key)).isEqualTo("pension-scams");
                assertThat(jedis.ttl(key)).isBetween(1L, 300L);
            });
        }
    }

    private String send(String openid, String text) {
        WechatClient.Reply reply = wechat().postPlain(InboundMessages.text(openid, text, InboundMessages.newMsgId()));
        assertThat(reply.status()).isEqualTo(200);
        return reply.fields().get("Content");
    }
}
