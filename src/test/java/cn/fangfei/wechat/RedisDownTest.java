package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.fangfei.content.Replies;
import cn.fangfei.support.HttpLogin;
import cn.fangfei.tip.TipWebClient;
import cn.fangfei.faq.ResidentQuestions;

/**
 * Redis unreachable (nothing listens on port 1): residents and staff still get an answer in Chinese, never
 * a 500. The context is closed after the class rather than left retrying its connections for the rest of the run.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fangfei.redis.url=redis://127.0.0.1:1",
        "fangfei.wechat.app-id=" + WechatAppTest.APP_ID,
        "fangfei.wechat.secret=test-secret",
        "fangfei.wechat.token=" + WechatAppTest.TOKEN,
        "fangfei.wechat.aes-key=" + WechatAppTest.AES_KEY,
        "fangfei.simulator.enabled=false"})
@ActiveProfiles("test")
class RedisDownTest {
    @LocalServerPort
    int port;

    @Autowired
    ResidentQuestions questions;

    @Autowired
    Replies replies;

    @Test
    void textIsStillAnswered() {
        String openid = InboundMessages.newOpenid();
        WechatClient wechat = new WechatClient("http://127.0.0.1:" + port, WechatAppTest.TOKEN, WechatAppTest.AES_KEY,
                WechatAppTest.APP_ID);

        WechatClient.Reply reply = wechat.postSafe(InboundMessages.text(openid, "什么是非法集资", InboundMessages.newMsgId()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.fields().get("Content"))
                .isIn(questions.reply(openid, "什么是非法集资"), replies.text("service-busy"));
    }

    @Test
    void eventsAreStillAnswered() {
        WechatClient wechat = new WechatClient("http://127.0.0.1:" + port, WechatAppTest.TOKEN, WechatAppTest.AES_KEY,
                WechatAppTest.APP_ID);

        WechatClient.Reply reply = wechat.postPlain(
                InboundMessages.event(InboundMessages.newOpenid(), InboundMessages.now(), "subscribe", null));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.fields().get("Content")).isEqualTo(replies.text("welcome"));
    }

    @Test
    void aReceiptLookupSaysInChineseThatItCannotBeDoneNow() {
        TipWebClient.Page page = new TipWebClient("http://127.0.0.1:" + port).status("ABCD-EFGH-JKLM");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.error()).isEqualTo("暂时无法查询,请稍后再试。");
    }

    @Test
    void aStaffLoginSaysInChineseThatItCannotBeDoneNow() throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = HttpLogin.login(base, "reviewer1", "some-password", null);

        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/login?error=unavailable");
        HttpResponse<String> page = HttpLogin.HTTP.send(HttpRequest.newBuilder(URI.create(base + location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("登录服务暂时不可用,请稍后再试");
    }
}
