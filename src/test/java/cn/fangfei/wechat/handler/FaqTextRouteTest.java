package cn.fangfei.wechat.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;

class FaqTextRouteTest extends WechatAppTest {
    @Autowired
    ResidentQuestions questions;

    @Test
    void textIsAnsweredByResidentQuestions() {
        String openid = InboundMessages.newOpenid();

        String content = wechat().postPlain(InboundMessages.text(openid, "怎样识别非法集资", InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(content).isEqualTo(questions.reply(openid, "怎样识别非法集资"));
    }

    @Test
    void anEmptyTextIsStillPassedOn() {
        String openid = InboundMessages.newOpenid();

        String content = wechat().postPlain(InboundMessages.text(openid, "", InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(content).isEqualTo(questions.reply(openid, ""));
    }
}
