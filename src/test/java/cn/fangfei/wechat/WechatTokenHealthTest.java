package cn.fangfei.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fangfei.security.StaffAccounts;
import cn.fangfei.security.StaffRole;
import cn.fangfei.support.HttpLogin;
import me.chanjar.weixin.mp.api.WxMpService;

/** The health check reports the background refresher's last attempt and never calls WeChat itself. */
class WechatTokenHealthTest extends WechatAppTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "health-admin-password";

    @Autowired
    WechatTokenRefresher refresher;
    @Autowired
    WxMpService wxMpService;
    @Autowired
    StaffAccounts accounts;

    @AfterEach
    void healthyAgain() {
        FakeWechatServer.reset();
        wxMpService.getWxMpConfigStorage().expireAccessToken();
        refresher.refresh();
    }

    @Test
    void probesNeverAskWechatForAToken() throws Exception {
        FakeWechatServer.answer("/cgi-bin/token", "{\"errcode\":40164,\"errmsg\":\"invalid ip\"}");
        wxMpService.getWxMpConfigStorage().expireAccessToken();

        for (int i = 0; i < 20; i++) {
            get("/actuator/health", null);
        }

        assertThat(FakeWechatServer.bodiesSentTo("/cgi-bin/token")).isEmpty();
    }

    @Test
    void healthReportsTheLastBackgroundAttemptAndStrangersSeeOnlyItsStatus() throws Exception {
        FakeWechatServer.answer("/cgi-bin/token", "{\"errcode\":40164,\"errmsg\":\"invalid ip\"}");
        wxMpService.getWxMpConfigStorage().expireAccessToken();
        refresher.refresh();
        assertThat(FakeWechatServer.bodiesSentTo("/cgi-bin/token")).hasSize(1);

        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(anonymous.body()).contains("\"status\":\"DOWN\"").doesNotContain("components", "wechatToken", "40164");

        accounts.save("health-admin", PASSWORD, Set.of(StaffRole.ADMIN));
        String session = HttpLogin.sessionCookie(HttpLogin.login("http://127.0.0.1:" + port, "health-admin", PASSWORD, null));
        assertThat(get("/actuator/health", session).body())
                .contains("\"wechatToken\":{\"details\":{\"checkedAt\"").contains("\"errcode\":40164},\"status\":\"DOWN\"")
                .contains("\"redis\":{");

        FakeWechatServer.reset();
        refresher.refresh();
        assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
