package cn.fangfei;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.fangfei.wechat.InboundMessages;
import cn.fangfei.wechat.WechatAppTest;

/** What an operator's probes and Prometheus see. */
class OperationsEndpointsTest extends WechatAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anonymousHealthIsOnlyUpOrDown() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "redis", "wechatToken");
    }

    @Test
    void probesAnswerSeparately() throws Exception {
        assertThat(get("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheusCountsMessagesAndAnswers() throws Exception {
        String openid = InboundMessages.newOpenid();
        wechat().postPlain(InboundMessages.text(openid, "什么是非法集资", InboundMessages.newMsgId()));
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("fangfei_wechat_messages_seconds_count{").contains("type=\"text\"")
                .contains("fangfei_faq_answers_total{").contains("outcome=\"answer\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
