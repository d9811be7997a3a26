package cn.fangfei.wechat.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;

class UnfollowRouteTest extends WechatAppTest {
    @Test
    void anUnfollowGetsNoReply() {
        var reply = wechat().postPlain(InboundMessages.event(InboundMessages.newOpenid(), InboundMessages.now(),
                "unsubscribe", null));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("success");
    }
}
