package cn.fangfei.wechat.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;

class FaqVoiceRouteTest extends WechatAppTest {
    @Autowired
    ResidentQuestions questions;

    @Autowired
    Replies replies;

    @Test
    void recognisedVoiceIsAnsweredLikeText() {
        String openid = InboundMessages.newOpenid();

        String content = wechat().postPlain(InboundMessages.voice(openid, "以房养老是不是骗局", InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(content).isEqualTo(questions.reply(openid, "以房养老是不是骗局"));
    }

    @Test
    void voiceWithoutRecognitionAsksForText() {
        String content = wechat().postPlain(InboundMessages.voice(InboundMessages.newOpenid(), null, InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(content).isEqualTo(replies.text("voice-unrecognized"));
    }

    @Test
    void voiceWithBlankRecognitionAsksForText() {
        String content = wechat().postSafe(InboundMessages.voice(InboundMessages.newOpenid(), " ", InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(content).isEqualTo(replies.text("voice-unrecognized"));
    }
}
