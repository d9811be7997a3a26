package cn.fangfei.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.content.Replies;
import cn.fangfei.faq.ResidentQuestions;
import cn.fangfei.wechat.menu.WechatMenu;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulatorControllerTest extends SimulatorAppTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ResidentQuestions questions;

    @Autowired
    Replies replies;

    @Autowired
    WechatMenu menu;

    @Test
    void servesTheChatPageWithoutAnythingFromOutside() throws Exception {
        HttpResponse<String> page = get("/simulator");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("防非助手", "语音", "关注", "安全模式", "simulator/send");
        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void listsTheMenuOfContentMenuYml() throws Exception {
        JsonNode buttons = JSON.readTree(get("/simulator/menu").body());

        assertThat(buttons.size()).isEqualTo(menu.buttons().size());
        assertThat(buttons.get(0).path("name").asString()).isEqualTo(menu.buttons().get(0).name());
    }

    @Test
    void textGoesThroughThePortalInPlainMode() throws Exception {
        String openid = "oSimPlain" + System.nanoTime();

        assertThat(send(openid, "TEXT", "什么是非法集资", false)).containsExactly(questions.reply(openid, "什么是非法集资"));
    }

    @Test
    void textGoesThroughThePortalInSafeMode() throws Exception {
        String openid = "oSimSafe" + System.nanoTime();

        assertThat(send(openid, "TEXT", "以房养老是骗局吗", true)).containsExactly(questions.reply(openid, "以房养老是骗局吗"));
    }

    @Test
    void voiceMenuClicksAndFollowingGoThroughThePortal() throws Exception {
        String openid = "oSimOther" + System.nanoTime();

        assertThat(send(openid, "VOICE", "怎么举报", true)).containsExactly(questions.reply(openid, "怎么举报"));
        assertThat(send(openid, "VOICE", "", false)).containsExactly(replies.text("voice-unrecognized"));
        assertThat(send(openid, "CLICK", "reply:help", true)).containsExactly(replies.text("help"));
        assertThat(send(openid, "SUBSCRIBE", "", false)).containsExactly(replies.text("welcome"));
        assertThat(send(openid, "UNSUBSCRIBE", "", true)).isEmpty();
    }

    /** The word after the markup (a CDATA end among it) was read: the answer names it as a warning sign. */
    @Test
    void markupInTheTextReachesThePortalIntact() throws Exception {
        String openid = "oSimMarkup" + System.nanoTime();
        String text = "投资]]><b>5万</b>&保本?";

        assertThat(send(openid, "TEXT", text, true)).singleElement().asString().contains("利诱性:“保本”");
    }

    @Test
    void aBadOpenidIsRefused() throws Exception {
        HttpResponse<String> response = post("/simulator/send", "{\"openid\":\"<bad>\",\"kind\":\"TEXT\",\"content\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private List<String> send(String openid, String kind, String content, boolean safe) throws Exception {
        String request = JSON.writeValueAsString(Map.of("openid", openid, "kind", kind, "content", content, "safe", safe));
        HttpResponse<String> response = post("/simulator/send", request);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("error").isNull() || reply.path("error").isMissingNode()).as(response.body()).isTrue();
        return reply.path("replies").valueStream().map(JsonNode::asString).toList();
    }
}
