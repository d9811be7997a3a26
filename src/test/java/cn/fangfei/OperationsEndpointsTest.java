package cn.fangfei;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
    void prometheusCountsMessagesAndAnswersForTheScraperOnly() throws Exception {
        String openid = InboundMessages.newOpenid();
        wechat().postPlain(InboundMessages.text(openid, "什么是非法集资", InboundMessages.newMsgId()));

        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(scrape("prometheus:wrong-token").statusCode()).isEqualTo(401);
        assertThat(scrape("someone:" + METRICS_TOKEN).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = scrape("prometheus:" + METRICS_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("fangfei_wechat_messages_seconds_count{").contains("type=\"text\"")
                .contains("fangfei_faq_answers_total{").contains("outcome=\"answer\"");
        assertThat(metrics.headers().allValues("Set-Cookie")).as("a scrape is not a session").isEmpty();
    }

    private HttpResponse<String> scrape(String credentials) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
