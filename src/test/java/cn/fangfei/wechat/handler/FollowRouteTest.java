package cn.fangfei.wechat.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;

class FollowRouteTest extends WechatAppTest {
    @Autowired
    Replies replies;

    @Test
    void aNewFollowerIsWelcomed() {
        String openid = InboundMessages.newOpenid();

        Map<String, String> reply = wechat().postPlain(
                InboundMessages.event(openid, InboundMessages.now(), "subscribe", null)).fields();

        assertThat(reply).containsEntry("ToUserName", openid).containsEntry("Content", replies.text("welcome"));
    }

    @Test
    void followingThroughAQrCodeIsWelcomedToo() {
        String content = wechat().postSafe(InboundMessages.event(InboundMessages.newOpenid(), InboundMessages.now(),
                "subscribe", "qrscene_123")).fields().get("Content");

        assertThat(content).isEqualTo(replies.text("welcome"));
    }
}
