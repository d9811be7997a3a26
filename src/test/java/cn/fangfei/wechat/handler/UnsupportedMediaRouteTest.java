package cn.fangfei.wechat.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;

class UnsupportedMediaRouteTest extends WechatAppTest {
    @Autowired
    Replies replies;

    @ParameterizedTest
    @ValueSource(strings = {"image", "video", "shortvideo", "location", "link"})
    void mediaGetsTheUnsupportedMediaReply(String kind) {
        String content = wechat().postPlain(InboundMessages.media(InboundMessages.newOpenid(), kind, InboundMessages.newMsgId()))
                .fields().get("Content");

        assertThat(content).isEqualTo(replies.text("unsupported-media"));
    }
}
