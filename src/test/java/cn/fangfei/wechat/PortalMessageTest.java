package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.faq.ResidentQuestions;

class PortalMessageTest extends WechatAppTest {
    private static final String QUESTION = "什么是非法集资";

    @Autowired
    ResidentQuestions questions;

    @Test
    void plainTextIsAnsweredByResidentQuestionsAndAddressedBackToTheSender() {
        String openid = InboundMessages.newOpenid();

        WechatClient.Reply reply = wechat().postPlain(InboundMessages.text(openid, QUESTION, InboundMessages.newMsgId()));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, String> fields = reply.fields();
        assertThat(fields).containsEntry("ToUserName", openid)
                .containsEntry("FromUserName", InboundMessages.ACCOUNT)
                .containsEntry("MsgType", "text")
                .containsEntry("Content", questions.reply(openid, QUESTION));
    }

    @Test
    void safeModeDecryptsTheMessageAndEncryptsTheReply() {
        String openid = InboundMessages.newOpenid();
        String message = InboundMessages.text(openid, QUESTION, InboundMessages.newMsgId());

        WechatClient.Reply raw = wechat().postSafeRaw(message);

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.fields()).containsKeys("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
        assertThat(raw.body()).doesNotContain(openid);
        assertThat(wechat().decrypt(raw).fields()).containsEntry("ToUserName", openid)
                .containsEntry("Content", questions.reply(openid, QUESTION));
    }

    /** The word after the markup characters was read: the answer names it as a warning sign. */
    @Test
    void textWithMarkupCharactersSurvivesTheRoundTrip() {
        String openid = InboundMessages.newOpenid();
        String text = "投资<5万>&保本?";

        WechatClient.Reply reply = wechat().postPlain(InboundMessages.text(openid, text, InboundMessages.newMsgId()));

        assertThat(reply.fields()).containsEntry("ToUserName", openid);
        assertThat(reply.fields().get("Content")).contains("利诱性:“保本”");
    }

    @Test
    void whateverWechatAcceptsTheReplyIsSent() throws Exception {
        String openid = InboundMessages.newOpenid();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/wechat/portal?" + wechat().signedQuery()))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(InboundMessages.text(openid, QUESTION, InboundMessages.newMsgId())))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WechatClient.fields(response.body())).containsEntry("ToUserName", openid);
    }

    @Test
    void otherEventsGetSuccess() {
        String openid = InboundMessages.newOpenid();

        WechatClient.Reply reply = wechat().postPlain(
                InboundMessages.event(openid, InboundMessages.now(), "VIEW", "https://example.com"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("success");
    }
}
