package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;

import me.chanjar.weixin.common.error.WxErrorException;
import mockwebserver3.RecordedRequest;

class AsyncRepliesTest extends WechatAppTest {
    @Autowired
    AsyncReplies asyncReplies;

    @Test
    void sendsTheTextAsACustomerServiceMessage() throws Exception {
        asyncReplies.sendText("oAsyncTest", () -> "稍后为您查询").get(10, TimeUnit.SECONDS);

        RecordedRequest request = FakeWechatServer.nextCallTo("/cgi-bin/message/custom/send");
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().queryParameter("access_token")).isNotBlank();
        JSONAssert.assertEquals(
                "{\"touser\":\"oAsyncTest\",\"msgtype\":\"text\",\"text\":{\"content\":\"稍后为您查询\"}}",
                request.getBody().string(StandardCharsets.UTF_8), JSONCompareMode.STRICT);
    }

    @Test
    void aBlankTextSendsNothing() throws Exception {
        asyncReplies.sendText("oAsyncTest", () -> " ").get(10, TimeUnit.SECONDS);
        asyncReplies.sendText("oAsyncTest", () -> "marker").get(10, TimeUnit.SECONDS);

        RecordedRequest request = FakeWechatServer.nextCallTo("/cgi-bin/message/custom/send");
        assertThat(request.getBody().string(StandardCharsets.UTF_8)).contains("marker");
    }

    @Test
    void wechatRefusingTheMessageFailsTheFuture() {
        FakeWechatServer.answer("/cgi-bin/message/custom/send",
                "{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}");

        assertThatThrownBy(() -> asyncReplies.sendText("oAsyncTest", () -> "太晚了").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WxErrorException.class);
    }
}
