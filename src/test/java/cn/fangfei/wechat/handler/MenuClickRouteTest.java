package cn.fangfei.wechat.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.tip.TipCategories;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;
import cn.fangfei.wechat.menu.MenuButton;
import cn.fangfei.wechat.menu.WechatMenu;

class MenuClickRouteTest extends WechatAppTest {
    @Autowired
    ResidentQuestions questions;

    @Autowired
    Replies replies;

    @Autowired
    WechatMenu menu;

    @Autowired
    TipCategories categories;

    @Test
    void everyClickKeyOfTheShippedMenuGetsItsAnswer() {
        for (MenuButton top : menu.buttons()) {
            for (MenuButton button : top.isGroup() ? top.sub() : List.of(top)) {
                if ("click".equals(button.type()) && button.key().startsWith("campaign:")) {
                    // Answered by the campaign feature's routes (see cn.fangfei.campaign.SubscriptionChatTest).
                    assertThat(click(button.key())).as(button.key()).isNotBlank().isNotEqualTo(replies.text("unknown-menu"));
                } else if ("click".equals(button.type())) {
                    assertThat(click(button.key())).as(button.key()).isEqualTo(expectedAnswer(button.key()));
                }
            }
        }
    }

    @Test
    void aFaqKeyAnswersThatTopic() {
        String answer = questions.answerOf("how-to-report");

        assertThat(click("faq:how-to-report")).isEqualTo(answer == null ? replies.text("unknown-menu") : answer);
    }

    /** Issue 9: the self-check button asks for a description and assesses the next message, once. */
    @Test
    void theRiskCheckButtonAsksForTheProjectAndAssessesTheNextMessage() {
        String openid = InboundMessages.newOpenid();
        assertThat(click(openid, "faq:risk-check")).isEqualTo(replies.text("risk-ask-describe"));

        String assessed = say(openid, "朋友拉我投一个养老项目,保本保息,年化20%,介绍别人来还有返利");

        assertThat(assessed).startsWith(replies.text("risk-intro")).contains("/faq/risk-check");
        assertThat(say(openid, "什么是非法集资")).isEqualTo(questions.reply(InboundMessages.newOpenid(), "什么是非法集资"));
    }

    @Test
    void aSpokenDescriptionIsAssessedAndAVagueOneSaysNoFeatureWasSeen() {
        String openid = InboundMessages.newOpenid();
        click(openid, "faq:risk-check");

        String assessed = wechat().postPlain(InboundMessages.voice(openid, "就是买了点东西。", InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(assessed).startsWith(replies.text("risk-none")).contains("/faq/risk-check");
    }

    @Test
    void aReplyKeySaysThatReply() {
        assertThat(click("reply:help")).isEqualTo(replies.text("help"));
    }

    @Test
    void keysThatLeadNowhereGetUnknownMenu() {
        assertThat(click("faq:no-such-topic-anywhere")).isEqualTo(replies.text("unknown-menu"));
        assertThat(click("reply:no-such-reply")).isEqualTo(replies.text("unknown-menu"));
        assertThat(click("FAQ:how-to-report")).isEqualTo(replies.text("unknown-menu"));
        assertThat(click("campaign:no-such-action")).isEqualTo(replies.text("unknown-menu"));
        assertThat(click("something-else")).isEqualTo(replies.text("unknown-menu"));
        assertThat(click("")).isEqualTo(replies.text("unknown-menu"));
    }

    /** tip:* keys are answered by the tip-off conversation (cn.fangfei.tip.chat), ahead of this handler. */
    private String expectedAnswer(String key) {
        String target = key.substring(key.indexOf(':') + 1);
        if (key.equals("tip:start")) {
            return replies.text("tip-start", Map.of("categories", categories.numberedList()));
        }
        if (key.equals("tip:status")) {
            return replies.text("tip-query-how");
        }
        if (key.equals("faq:risk-check")) {
            return replies.text("risk-ask-describe");
        }
        String answer = key.startsWith("faq:") ? questions.answerOf(target) : replies.text(target);
        return answer == null ? replies.text("unknown-menu") : answer;
    }

    private String click(String key) {
        return click(InboundMessages.newOpenid(), key);
    }

    private String click(String openid, String key) {
        return wechat().postPlain(InboundMessages.event(openid, InboundMessages.now(), "CLICK", key)).fields().get("Content");
    }

    private String say(String openid, String text) {
        return wechat().postPlain(InboundMessages.text(openid, text, InboundMessages.newMsgId())).fields().get("Content");
    }
}
